package cn.yjzf.calendar;

import cn.yjzf.common.NotFoundException;
import cn.yjzf.organisation.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/calendar")
@Tag(name = "工作日历", description = "法定节假日与调休上班日（按年录入）")
class CalendarApi {

    private final CalendarAdmin admin;

    CalendarApi(CalendarAdmin admin) {
        this.admin = admin;
    }

    @GetMapping("/{year}")
    YearSchedule year(@PathVariable int year) {
        YearSchedule s = admin.year(year);
        if (s == null) {
            throw new NotFoundException(year + "年放假安排");
        }
        return s;
    }

    @PutMapping("/{year}")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Operation(summary = "录入或替换某年的放假安排（国务院办公厅通知）")
    YearSchedule replace(@AuthenticationPrincipal CurrentUser user, @PathVariable int year,
                         @Valid @RequestBody YearSchedule body) {
        admin.replaceYear(user.username(), year, body);
        return admin.year(year);
    }
}
