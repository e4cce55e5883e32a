package cn.yjzf.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yjzf.common.ConflictException;
import cn.yjzf.common.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The one review policy of rule releases and 裁量基准 tables. */
class FourEyesReviewTest {

    @Test
    void onlyAValidatedSubmissionIsReviewedAndNeverByItsSubmitter() {
        assertThatCode(() -> FourEyesReview.requireReviewable("基准 #3", ReviewStatus.VALIDATED, "maintainer", "reviewer"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> FourEyesReview.requireReviewable("基准 #3", ReviewStatus.VALIDATED, "reviewer", "reviewer"))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("SELF_REVIEW");
                    assertThat(e.getMessage()).isEqualTo("提交人不能审核自己提交的基准");
                });
        assertThatThrownBy(() -> FourEyesReview.requireReviewable("规则版本 #7", ReviewStatus.INVALID, "maintainer", "reviewer"))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("RELEASE_STATE");
                    assertThat(e.getMessage()).contains("规则版本 #7", "校验未通过");
                });
    }

    @Test
    void aDecisionOnAStaleVersionIsRefusedAndARejectionNeedsAReason() {
        assertThatCode(() -> FourEyesReview.requireSeen("基准 #3", 2, 2)).doesNotThrowAnyException();
        assertThatThrownBy(() -> FourEyesReview.requireSeen("基准 #3", 3, 2))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("STALE_VERSION"));
        assertThatThrownBy(() -> FourEyesReview.requireReason("  ")).isInstanceOf(InvalidInputException.class);
        assertThat(FourEyesReview.requireReason(" 依据不足 ")).isEqualTo("依据不足");
        assertThat(FourEyesReview.note(" ")).isNull();
        assertThat(FourEyesReview.note(" 同意 ")).isEqualTo("同意");
    }
}
