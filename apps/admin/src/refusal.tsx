import { Alert } from '@mantine/core';
import { ApiError, apiFieldErrors, errorMessage, type FieldSpecs } from '@partnerline/ui';

/**
 * What a form does with a refused request: issues on fields go next to their fields (worded by the form's field
 * specs); any other refusal is kept for `<Refusal>` in the API's words.
 */
export function onRefused(form: { setErrors: (errors: Record<string, string>) => void }, setRefusal: (message: string | null) => void, fields: FieldSpecs) {
  return (e: unknown) => {
    if (e instanceof ApiError && e.issues.length) form.setErrors(apiFieldErrors(e, e.message, fields));
    else setRefusal(errorMessage(e));
  };
}

/** The API's refusal in words, shown in the form or dialog that asked (not only in a passing toast); nothing without one. */
export function Refusal({ title, message }: { title: string; message: string | null | undefined }) {
  if (!message) return null;
  return (
    <Alert color="red" title={title} role="alert">
      {message}
    </Alert>
  );
}
