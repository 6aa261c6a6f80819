package org.aqqua.runtime.text;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text that can be published ({@link PublishableText}), or nothing. A refusal names the character and where it
 * is, since it is usually invisible in the provider's own editor.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Publishable.Validator.class)
public @interface Publishable {

    String message() default "holds a character that cannot be published";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Publishable, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            int at = value == null ? -1 : PublishableText.firstUnpublishable(value);
            if (at < 0) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(String.format("holds U+%04X at character %d, which cannot "
                    + "be published (a control character, or one XML cannot hold): remove it", (int) value.charAt(at),
                    at + 1)).addConstraintViolation();
            return false;
        }
    }
}
