package cn.yjzf.common;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/** Bean-validation errors of a web form as the same {@link FieldProblem}s the API returns. */
public final class WebForms {

    private WebForms() {
    }

    public static List<FieldProblem> problems(BindingResult result) {
        return result.getFieldErrors().stream().map(ApiExceptionHandler::problem).toList();
    }

    /**
     * The usual form POST: with bean-validation errors, or when the service rejects the input, the form is shown
     * again with every problem named (nothing is saved); otherwise {@code save} runs and returns where to go next.
     */
    public static String submit(BindingResult binding, Model model, Supplier<String> save, Supplier<String> showForm) {
        if (binding.hasErrors()) {
            model.addAttribute("errors", problems(binding));
            return showForm.get();
        }
        try {
            return save.get();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            return showForm.get();
        }
    }
}
