package dev.lanyard.sts.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.sts.error.AwsErrorCode;
import dev.lanyard.sts.error.LanyardException;

import java.util.List;

/** Lists of strings stored as a JSON array in one text column. */
final class JsonLists {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private JsonLists() {
    }

    static String write(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new LanyardException(AwsErrorCode.ServiceFailure, "a list could not be encoded for the store", false, e);
        }
    }

    static List<String> read(String column) {
        try {
            return List.copyOf(JSON.readValue(column, STRINGS));
        } catch (JsonProcessingException e) {
            throw new LanyardException(AwsErrorCode.ServiceFailure, "a stored list is not valid JSON", false, e);
        }
    }
}
