package cn.yjzf.casework;

import cn.yjzf.casework.facts.Missing;
import cn.yjzf.common.ConflictException;
import java.util.List;

/** A step the procedure rules forbid: 409 {@code PROCEDURE_VIOLATION}, naming each missing step and its citation. */
public class ProcedureViolation extends ConflictException {

    private final transient List<Missing> missing;

    public ProcedureViolation(List<Missing> missing, String message) {
        super("PROCEDURE_VIOLATION", message);
        this.missing = List.copyOf(missing);
    }

    public List<Missing> missing() {
        return missing;
    }
}
