package cn.yjzf.documents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The store of issued 执法文书, for any owner (a case, later others). Issuing draws the number, renders the current
 * template and stores PDF, data and template version, all in the caller's transaction: a template that fails rolls
 * everything back and returns the number. Callers check jurisdiction and role before they read or issue; this store
 * knows no business package.
 */
@Service
public class IssuedDocuments {

    /** What a document is issued from. {@code data} holds only strings, booleans, lists and maps (JSON round-trips it). */
    public record Issue(DocumentType type, String ownerType, Long ownerId, NumberRequest number, LocalDate issuedOn,
                        Long issuedBy, String issuedByName, Map<String, Object> data) {
    }

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final IssuedDocumentRepository documents;
    private final DocumentNumbers numbers;
    private final PdfRenderer renderer;
    private final ObjectMapper json;
    private final JdbcTemplate jdbc;

    IssuedDocuments(IssuedDocumentRepository documents, DocumentNumbers numbers, PdfRenderer renderer,
                    ObjectMapper json, JdbcTemplate jdbc) {
        this.documents = documents;
        this.numbers = numbers;
        this.renderer = renderer;
        this.json = json;
        this.jdbc = jdbc;
    }

    /** The documents of one owner in issue order, superseded ones included and marked. */
    @Transactional(readOnly = true)
    public List<IssuedDocumentView> ofOwner(String ownerType, Long ownerId) {
        return documents.findByOwnerTypeAndOwnerIdOrderById(ownerType, ownerId).stream().map(IssuedDocument::view).toList();
    }

    @Transactional(readOnly = true)
    public List<IssuedDocument> entitiesOf(String ownerType, Long ownerId) {
        return documents.findByOwnerTypeAndOwnerIdOrderById(ownerType, ownerId);
    }

    /** One document of the owner; another owner's id is as absent as a missing one. */
    @Transactional(readOnly = true)
    public Optional<IssuedDocument> find(String ownerType, Long ownerId, Long id) {
        return documents.findById(id).filter(d -> d.getOwnerType().equals(ownerType) && d.getOwnerId().equals(ownerId));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public IssuedDocument issue(Issue issue) {
        TemplateText template = renderer.template(issue.type());
        Map<String, Object> model = new LinkedHashMap<>(issue.data());
        model.put("title", issue.type().title());
        model.put("issuedOn", ChineseDates.format(issue.issuedOn()));
        model.put("draft", false);
        String documentNo = null;
        byte[] pdf;
        if (issue.type().numbered()) {
            // laid out before the counter is locked; under the lock only the number is written in (PdfRenderer#renderNumbered)
            NumberedPdf laidOut = renderer.renderNumbered(template, numbers.shape(issue.number()), no -> {
                Map<String, Object> withNo = new LinkedHashMap<>(model);
                withNo.put("documentNo", no);
                return Map.of("doc", read(write(withNo)));
            });
            documentNo = numbers.allocate(issue.number()).documentNo();
            model.put("documentNo", documentNo);
            pdf = laidOut.withNumber(documentNo);
        } else {
            model.put("documentNo", "");
            pdf = null;
        }
        String snapshot = write(model);
        if (pdf == null) {
            // rendered from the JSON round-trip, exactly as a later re-render will see the data
            pdf = renderer.renderText(template, Map.of("doc", read(snapshot)));
        }
        keep(template);
        return documents.save(new IssuedDocument(issue.type(), issue.ownerType(), issue.ownerId(), issue.number().agencyId(),
                documentNo, issue.issuedOn(), issue.issuedBy(), issue.issuedByName(), pdf, snapshot, template));
    }

    /** Issues the correction and marks the old document superseded by it, with the reason. */
    @Transactional(propagation = Propagation.MANDATORY)
    public IssuedDocument supersede(IssuedDocument old, Issue replacement, String reason) {
        if (old.isSuperseded()) {
            throw new cn.yjzf.common.ConflictException("ALREADY_SUPERSEDED", "该文书已被更正文书取代");
        }
        IssuedDocument next = issue(replacement);
        old.supersededBy(next.getId(), reason);
        documents.save(old);
        return next;
    }

    /** The document rendered again from its stored data with its stored template version (fidelity check). */
    @Transactional(readOnly = true)
    public byte[] rerender(IssuedDocument d) {
        String source = jdbc.queryForObject("SELECT source FROM document_template_version WHERE sha256 = ?",
                String.class, d.getTemplateSha256());
        return renderer.renderText(new TemplateText(d.getTemplateName(), source, d.getTemplateSha256()),
                Map.of("doc", read(d.getDataSnapshot())));
    }

    /** A preview with the current template: no number drawn, nothing stored, every page marked 草稿. */
    public byte[] draft(DocumentType type, LocalDate on, Map<String, Object> data) {
        Map<String, Object> model = new LinkedHashMap<>(data);
        model.put("title", type.title());
        model.put("issuedOn", ChineseDates.format(on));
        model.put("draft", true);
        model.put("documentNo", type.numbered() ? "（草稿，签发时编号）" : "");
        return renderer.watermark(renderer.renderText(renderer.template(type), Map.of("doc", read(write(model)))), "草稿");
    }

    private void keep(TemplateText t) {
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM document_template_version WHERE sha256 = ?",
                Integer.class, t.sha256());
        if (known == null || known == 0) {
            jdbc.update("INSERT INTO document_template_version (sha256, template_name, source, first_used_at) VALUES (?, ?, ?, ?)",
                    t.sha256(), t.name(), t.source(), java.sql.Timestamp.from(Instant.now()));
        }
    }

    private String write(Map<String, Object> model) {
        try {
            return json.writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> read(String snapshot) {
        try {
            return json.readValue(snapshot, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
