package cn.yjzf.documents;

import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out document serial numbers without gaps or duplicates, per agency and year and, depending on
 * {@code app.documents.sequence-scope}, per document type, per officer and type, or per case (see {@link SequenceScope}).
 * The increment happens in the caller's transaction under the row lock of {@code document_sequence}: concurrent
 * issuers queue, and a rolled-back issue returns its number. The row itself is created in a separate transaction
 * that tolerates a concurrent creator, so the caller's transaction never sees a failed insert.
 */
@Service
public class DocumentNumbers {

    private static final String CASE_COUNTER = "CASE";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate newTransaction;
    private final DocumentsProperties properties;

    DocumentNumbers(JdbcTemplate jdbc, PlatformTransactionManager txManager, DocumentsProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.newTransaction = new TransactionTemplate(txManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The next serial of the per-type counter (the {@link SequenceScope#DOCUMENT_TYPE} scope). */
    @Transactional(propagation = Propagation.MANDATORY)
    public int next(Long agencyId, DocumentType type, int year) {
        return next(agencyId, type.counter(), year);
    }

    /** Draws the number for a document under the configured scope. */
    @Transactional(propagation = Propagation.MANDATORY)
    public IssuedNumber allocate(NumberRequest request) {
        return allocate(request, properties.sequenceScope());
    }

    /**
     * What the number {@link #allocate(NumberRequest)} will give looks like, known before it is drawn (so the document
     * can be laid out before the counter is locked); null when the pattern does not print the serial exactly once.
     */
    public NumberShape shape(NumberRequest r) {
        return properties.shape(r.agencyShortName(), r.type(), r.year(), r.officerCode());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public IssuedNumber allocate(NumberRequest r, SequenceScope scope) {
        int year = r.year();
        String prefix = r.counterPrefix();
        int seq;
        String suffix = "";
        if (scope == SequenceScope.OFFICER) {
            if (r.officerId() == null) {
                throw new IllegalArgumentException("按执法人员编号时必须指明执法人员");
            }
            seq = next(r.agencyId(), prefix + "O" + r.officerId() + ":" + r.type().counter(), year);
        } else if (scope == SequenceScope.CASE && r.caseId() != null) {
            int[] serial = caseSerial(r.agencyId(), prefix, r.caseId(), year);
            year = serial[0];
            seq = serial[1];
            suffix = repeatSuffix(next(r.agencyId(), prefix + "C" + r.caseId() + ":" + r.type().counter(), year));
        } else {
            seq = next(r.agencyId(), prefix + r.type().counter(), year);
        }
        return new IssuedNumber(year, seq,
                properties.number(r.agencyShortName(), r.type(), year, seq, r.officerCode()) + suffix);
    }

    /**
     * Under the case scope every document of a case shares the case's serial, so the second document of one kind in a
     * case (a superseding document, a second 询问通知书) would repeat the first one's number. The n-th one instead reads
     * "…5号之一", "…5号之二" (n − 1 in Chinese numerals): counted per case and kind in the issuing transaction, so the
     * suffixes are unique, never skipped, and a rolled-back issue returns its suffix like any number.
     */
    static String repeatSuffix(int nth) {
        return nth <= 1 ? "" : "之" + chineseNumeral(nth - 1);
    }

    static String chineseNumeral(int n) {
        String digits = "〇一二三四五六七八九";
        if (n < 10) {
            return String.valueOf(digits.charAt(n));
        }
        if (n < 100) {
            return (n / 10 == 1 ? "" : String.valueOf(digits.charAt(n / 10))) + "十"
                    + (n % 10 == 0 ? "" : String.valueOf(digits.charAt(n % 10)));
        }
        return Integer.toString(n); // a hundred documents of one kind in one case is not a real case
    }

    /**
     * The case's serial {year, serial}: drawn once from the agency's case counter, under that counter's row lock, so
     * two first documents of one case issued at the same moment cannot give it two serials. A case keeps the year of
     * its serial, so its 2026 documents do not collide with a 2026 case that drew the same serial.
     */
    private int[] caseSerial(Long agencyId, String prefix, Long caseId, int year) {
        lockCounter(agencyId, prefix + CASE_COUNTER, year);
        List<int[]> existing = jdbc.query("SELECT doc_year, serial FROM case_document_serial WHERE case_id = ?",
                (rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}, caseId);
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        int serial = next(agencyId, prefix + CASE_COUNTER, year);
        jdbc.update("INSERT INTO case_document_serial (case_id, agency_id, series, doc_year, serial) VALUES (?, ?, ?, ?, ?)",
                caseId, agencyId, prefix, year, serial);
        return new int[] {year, serial};
    }

    private void lockCounter(Long agencyId, String key, int year) {
        String lock = "SELECT last_value FROM document_sequence WHERE agency_id = ? AND doc_type = ? AND doc_year = ? FOR UPDATE";
        if (jdbc.queryForList(lock, Integer.class, agencyId, key, year).isEmpty()) {
            createRow(agencyId, key, year);
            jdbc.queryForList(lock, Integer.class, agencyId, key, year);
        }
    }

    private int next(Long agencyId, String key, int year) {
        if (increment(agencyId, key, year) == 0) {
            createRow(agencyId, key, year);
            if (increment(agencyId, key, year) == 0) {
                throw new IllegalStateException("无法分配文书编号");
            }
        }
        Integer value = jdbc.queryForObject(
                "SELECT last_value FROM document_sequence WHERE agency_id = ? AND doc_type = ? AND doc_year = ?",
                Integer.class, agencyId, key, year);
        return value;
    }

    private int increment(Long agencyId, String key, int year) {
        return jdbc.update("UPDATE document_sequence SET last_value = last_value + 1 "
                + "WHERE agency_id = ? AND doc_type = ? AND doc_year = ?", agencyId, key, year);
    }

    private void createRow(Long agencyId, String key, int year) {
        try {
            newTransaction.executeWithoutResult(s -> jdbc.update(
                    "INSERT INTO document_sequence (agency_id, doc_type, doc_year, last_value) VALUES (?, ?, ?, 0)",
                    agencyId, key, year));
        } catch (DataIntegrityViolationException alreadyCreatedConcurrently) {
            // another issuer created the row first; our increment will now find it
        }
    }
}
