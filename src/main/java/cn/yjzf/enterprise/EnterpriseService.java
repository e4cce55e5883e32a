package cn.yjzf.enterprise;

import cn.yjzf.audit.AuditTrail;
import cn.yjzf.common.InvalidInputException;
import cn.yjzf.common.NotFoundException;
import cn.yjzf.organisation.CurrentUser;
import cn.yjzf.organisation.Jurisdiction;
import cn.yjzf.organisation.Township;
import cn.yjzf.organisation.TownshipRepository;
import cn.yjzf.common.PinyinOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The enterprise register, always seen through the caller's jurisdiction. */
@Service
public class EnterpriseService {

    private final EnterpriseRepository enterprises;
    private final TownshipRepository townships;
    private final AuditTrail audit;

    EnterpriseService(EnterpriseRepository enterprises, TownshipRepository townships, AuditTrail audit) {
        this.enterprises = enterprises;
        this.townships = townships;
        this.audit = audit;
    }

    /** A concurrent registration of the same code loses on the unique constraint and gets the same answer. */
    private Enterprise save(Enterprise e) {
        try {
            return enterprises.saveAndFlush(e);
        } catch (DataIntegrityViolationException race) {
            throw duplicateCreditCode();
        }
    }

    private static InvalidInputException duplicateCreditCode() {
        return new InvalidInputException("creditCode", "DUPLICATE_CREDIT_CODE", "该统一社会信用代码已在本机关登记");
    }

    /** The first 200 matches in pinyin order (the API's list). */
    @Transactional(readOnly = true)
    public List<Enterprise> search(Jurisdiction j, String query) {
        return page(j, query, PageRequest.of(0, 200)).getContent();
    }

    /**
     * One page of the jurisdiction's enterprises matching {@code query}, ordered by name in pinyin. The database
     * cannot sort by pinyin portably (H2 and PostgreSQL collations differ), so ids and names of the matches are
     * sorted here and only the requested page is loaded.
     */
    @Transactional(readOnly = true)
    public Page<Enterprise> page(Jurisdiction j, String query, Pageable pageable) {
        String pattern = "%" + (query == null ? "" : query.trim().toLowerCase()) + "%";
        List<EnterpriseRepository.NameRow> rows = new ArrayList<>(enterprises.names(j.agencyId(), j.townshipId(), pattern));
        rows.sort(PinyinOrder.<EnterpriseRepository.NameRow>by(EnterpriseRepository.NameRow::name)
                .thenComparing(EnterpriseRepository.NameRow::id));
        int from = (int) Math.min(pageable.getOffset(), rows.size());
        List<Long> ids = rows.subList(from, Math.min(from + pageable.getPageSize(), rows.size())).stream()
                .map(EnterpriseRepository.NameRow::id).toList();
        Map<Long, Enterprise> byId = enterprises.findAllById(ids).stream()
                .collect(Collectors.toMap(Enterprise::getId, Function.identity()));
        return new PageImpl<>(ids.stream().map(byId::get).toList(), pageable, rows.size());
    }

    @Transactional(readOnly = true)
    public Enterprise get(Jurisdiction j, Long id) {
        if (id == null) {
            throw new NotFoundException("企业");
        }
        return enterprises.findById(id).filter(e -> j.covers(e.getAgencyId(), e.getTownshipId()))
                .orElseThrow(() -> new NotFoundException("企业"));
    }

    /**
     * Adds a flag an officer found on site during {@code where} (e.g. an inspection) to the register, audited.
     * {@code version} is the enterprise version the officer saw: a stale one is a 409, never a silent overwrite.
     */
    @Transactional
    public Enterprise addFlagFoundOnSite(CurrentUser user, Long id, EnterpriseFlag flag, long version, String where) {
        Enterprise e = get(user.jurisdiction(), id);
        if (e.getVersion() != version) {
            throw new cn.yjzf.common.ConflictException("CONCURRENT_EDIT", "企业登记已被他人修改，请刷新后重试");
        }
        if (!e.getFlags().contains(flag)) {
            e.addFlagFoundOnSite(flag);
            audit.record(user.username(), "ENTERPRISE_FLAG_FOUND_ON_SITE", "Enterprise", e.getId(),
                    flag.label() + "（" + where + "现场确认）");
        }
        return enterprises.saveAndFlush(e);
    }

    @Transactional
    public Enterprise register(CurrentUser user, NewEnterprise cmd) {
        Jurisdiction j = user.jurisdiction();
        Long townshipId = j.townshipId() != null ? j.townshipId() : cmd.townshipId();
        if (townshipId != null) {
            Township t = townships.findById(townshipId).orElse(null);
            if (t == null || !t.getAgencyId().equals(j.agencyId())) {
                throw new InvalidInputException("townshipId", "UNKNOWN_TOWNSHIP", "所选乡镇（街道）不属于本机关");
            }
        }
        // Only the caller's own agency is consulted: whether another agency keeps this enterprise is not theirs to know.
        if (enterprises.findByAgencyIdAndCreditCode(j.agencyId(), cmd.creditCode()).isPresent()) {
            throw duplicateCreditCode();
        }
        Enterprise e = save(new Enterprise(cmd.creditCode(), cmd.name().trim(), cmd.industry(),
                j.agencyId(), townshipId, cmd.address().trim(), cmd.legalRepresentative().trim(),
                cmd.flags() == null ? Set.of() : cmd.flags(), cmd.majorHazardSourceLevel()));
        audit.record(user.username(), "ENTERPRISE_REGISTERED", "Enterprise", e.getId(),
                e.getCreditCode() + " " + e.getName());
        return e;
    }
}
