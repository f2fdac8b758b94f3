import { SelectField } from "~/components/ui/field.tsx";
import { countryName, REGIONS } from "~/modules/chapters/countries.ts";

/**
 * The region filter shared by the directory, the leaderboard and the
 * reference finder: a region, a country, or remote. It is a plain GET field,
 * so the filter lives in the address and works without JavaScript.
 */
export function PlaceSelect({
  value,
  countries,
  label = "Where",
}: {
  value: string;
  /** Countries to offer (those with someone public in them); the chosen one is always kept. */
  countries: string[];
  label?: string;
}) {
  const offered = [...new Set([...countries, ...(/^[A-Z]{2}$/.test(value) ? [value] : [])])]
    .map((code) => ({ code, name: countryName(code) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return (
    <SelectField label={label} name="place" defaultValue={value}>
      <option value="">Anywhere</option>
      <option value="remote">Remote</option>
      <optgroup label="Regions">
        {REGIONS.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </optgroup>
      {offered.length ? (
        <optgroup label="Countries">
          {offered.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </optgroup>
      ) : null}
    </SelectField>
  );
}
