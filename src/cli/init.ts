import type { Result } from '../domain/diagnostics';
import { fail, ok } from '../domain/diagnostics';
import { PlanFile } from '../domain/schema/plan-file';
import { setUpPlan } from '../domain/template/set-up';
import { newWorkbookPlan } from '../domain/template/workbook';
import { decideCheckWrite } from '../xlsx/decide-write';
import { newWorkbook } from '../xlsx/workbook-file';

/**
 * `implan init BOOK.xlsx`: the bytes to write and what to say. A new file gets a new plan
 * workbook; an existing workbook gets the plan's sheets grafted in at the part level, like
 * add-project, so nothing it held is lost. The caller writes the file.
 */
export async function initWorkbook(
  file: string,
  existing: Uint8Array | null,
): Promise<Result<{ bytes: Uint8Array; message: string }>> {
  if (existing === null)
    return ok({
      bytes: await newWorkbook(newWorkbookPlan(PlanFile.parse({}))),
      message: `Created ${file} with the Settings, Projects and How to use sheets.`,
    });
  const changed = await decideCheckWrite(existing, file, (state) => {
    const plan = setUpPlan(state);
    return plan.ok ? ok({ plan: plan.value, value: null }) : plan;
  });
  if (!changed.ok) return fail(...changed.problems);
  return ok({
    // A set-up plan always writes.
    bytes: changed.value.bytes ?? existing,
    message: `Set up a plan in ${file}: added the How to use, Projects and Settings sheets and kept everything it held.`,
  });
}
