package cn.yjzf.inspection;

import cn.yjzf.judgment.Citation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** Stores a hazard's citations as JSON so each judgment keeps the exact wording it was made with. */
@Converter
class CitationListConverter implements AttributeConverter<List<Citation>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String convertToDatabaseColumn(List<Citation> citations) {
        try {
            return JSON.writeValueAsString(citations == null ? List.of() : citations);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<Citation> convertToEntityAttribute(String json) {
        try {
            return json == null ? List.of() : JSON.readValue(json, new TypeReference<List<Citation>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("无法读取隐患的判定依据", e);
        }
    }
}
