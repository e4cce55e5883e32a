package cn.yjzf.rectification;

import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/** One hazard of an order, numbered as printed, with its deadline (整改期限). */
@Embeddable
public record RectificationItem(int seq, Long hazardId, LocalDate deadline) {
}
