import { formValues, parseForm, type FieldErrors } from "../../utils/forms.ts";
import { ItemSchema, parseCascadeDates, type ItemInput } from "../tiers/validation.ts";

export type ParsedItem =
  | { ok: true; data: ItemInput & { dates: Map<number, Date | null> } }
  | { ok: false; fieldErrors: FieldErrors; values: Record<string, string> };

/** An item editor's form: the fields, then each tier's date in the cascade. */
export function parseItemForm(formData: FormData, tierIds: number[]): ParsedItem {
  const parsed = parseForm(ItemSchema, formData);
  const dates = parseCascadeDates(formData, tierIds);
  if (parsed.ok && dates.ok) return { ok: true, data: { ...parsed.data, dates: dates.dates } };
  const values = formValues(formData);
  const fieldErrors: FieldErrors = parsed.ok ? {} : { ...parsed.fieldErrors };
  if (!dates.ok) fieldErrors[dates.field] ??= dates.message;
  return { ok: false, fieldErrors, values };
}
