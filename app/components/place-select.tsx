import { useTranslation } from "react-i18next";
import { SelectField } from "~/components/ui/field.tsx";
import { countryName, REGIONS, type Region } from "~/modules/chapters/countries.ts";

/** A region's name in the page's language ("Europe" · "欧洲" · "Europa"). */
export function useRegionName(): (region: Region | string) => string {
  const { t } = useTranslation();
  const names: Record<Region, string> = {
    Africa: t("places.africa"),
    Asia: t("places.asia"),
    Europe: t("places.europe"),
    "Middle East": t("places.middleEast"),
    "North America": t("places.northAmerica"),
    Oceania: t("places.oceania"),
    "South America": t("places.southAmerica"),
  };
  return (region) => names[region as Region] ?? region;
}

/**
 * The region filter shared by the directory, the leaderboard and the
 * reference finder: a region, a country, or remote. It is a plain GET field,
 * so the filter lives in the address and works without JavaScript.
 */
export function PlaceSelect({
  value,
  countries,
  label,
}: {
  value: string;
  /** Countries to offer (those with someone public in them); the chosen one is always kept. */
  countries: string[];
  label?: string;
}) {
  const { t, i18n } = useTranslation();
  const regionName = useRegionName();
  const locale = i18n.language;
  const offered = [...new Set([...countries, ...(/^[A-Z]{2}$/.test(value) ? [value] : [])])]
    .map((code) => ({ code, name: countryName(code, locale) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  return (
    <SelectField label={label ?? t("places.where")} name="place" defaultValue={value}>
      <option value="">{t("places.anywhere")}</option>
      <option value="remote">{t("places.remote")}</option>
      <optgroup label={t("places.regions")}>
        {REGIONS.map((r) => (
          <option key={r} value={r}>
            {regionName(r)}
          </option>
        ))}
      </optgroup>
      {offered.length ? (
        <optgroup label={t("places.countries")}>
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
