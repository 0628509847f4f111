import type { Diagnostic } from '../diagnostics';
import type { NamePlan } from '../plan/types';

/**
 * The template version this implan writes. 1 is every workbook made before versions were
 * recorded; 2 added review freshness (Settings "Review every (days)", the project card's
 * Review row); 3 added baselines (Settings "Compare with baseline", decision 0010) and the
 * Budget tables' "Forecast to complete" (decision 0012). Decision 0009 says what raises it and
 * how a workbook is upgraded.
 */
export const TEMPLATE_VERSION = 3;

/** A workbook-scoped defined name holding the version as a number constant ("=2"). */
export const TEMPLATE_VERSION_NAME = 'Implan_TemplateVersion';

export function templateVersionNamePlan(version = TEMPLATE_VERSION): NamePlan {
  return {
    name: TEMPLATE_VERSION_NAME,
    refersTo: String(version),
    comment: 'The implan template version of this workbook; implan upgrade raises it.',
  };
}

/**
 * The template version of a workbook from the formula of its version name (with or without
 * "="), or from its shape when the name is missing: a plan without one was made before
 * versions were recorded, so it is version 1. Null when the workbook holds no plan; NaN when
 * the name holds something that is not a version.
 */
export function templateVersionOf(formula: string | undefined, hasPlan: boolean): number | null {
  if (formula === undefined) return hasPlan ? 1 : null;
  const text = formula.trim().replace(/^=/, '').trim();
  return /^[1-9]\d{0,5}$/.test(text) ? Number(text) : Number.NaN;
}

/** How a user upgrades, said where either the pane or the command line may be in use. */
export const UPGRADE_HINT = 'click Upgrade in the implan pane, or run "implan upgrade" on the file';

const problem = (code: string, message: string): Diagnostic => ({
  severity: 'error',
  code,
  message,
});

/**
 * Why implan cannot work on a workbook of this version, or null when it can. `upgradeHint`
 * says how this user upgrades ("click Upgrade", "run implan upgrade BOOK.xlsx").
 */
export function versionProblem(version: number | null, upgradeHint: string): Diagnostic | null {
  if (version === null || version === TEMPLATE_VERSION) return null;
  if (Number.isNaN(version))
    return problem(
      'template-version-unreadable',
      `The workbook's name ${TEMPLATE_VERSION_NAME} does not hold a template version; set it back to ${TEMPLATE_VERSION} in Formulas > Name Manager, or ask whoever changed it.`,
    );
  if (version > TEMPLATE_VERSION)
    return problem(
      'template-newer',
      `This workbook was made by a newer implan (template version ${version}; this implan knows up to ${TEMPLATE_VERSION}): update implan before changing it.`,
    );
  return problem(
    'template-older',
    `This workbook was made with template version ${version} and needs upgrading to version ${TEMPLATE_VERSION} first: ${upgradeHint}.`,
  );
}
