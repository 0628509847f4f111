import { demoPlan } from '../../src/domain/demo';
import { newWorkbookPlan } from '../../src/domain/template/workbook';
import { newWorkbook, consolidateWorkbook } from '../../src/xlsx/workbook-file';
import { writeFileSync } from 'node:fs';
import { planConsolidation } from '../../src/domain/consolidation/consolidate';
it('dump', async () => {
  const { result } = await consolidateWorkbook(await newWorkbook(newWorkbookPlan(demoPlan())), { builtAt: 'x' });
  if (result.kind !== 'ready') throw new Error();
  const out: string[] = [];
  for (const step of result.plan.steps) if (step.kind === 'addSheet') {
    const s = step.sheet;
    for (const i of s.items) {
      if (i.kind === 'conditionalFormat') out.push(`${s.name} CF ${i.range} ${i.rule.formula} ${JSON.stringify(i.rule.style)}`);
      if (i.kind === 'validation') { const { prompt, error, ...r } = i.rule; out.push(`${s.name} DV ${i.range} ${JSON.stringify(r)} | ${prompt?.title ?? ''} | ${error.title}`); }
    }
  }
  writeFileSync('/tmp/rules2.txt', out.join('\n'));
});
