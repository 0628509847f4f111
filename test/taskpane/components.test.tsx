/**
 * @jest-environment jsdom
 *
 * The pane's components in jsdom with Testing Library: what a user sees and what a click does,
 * against the fake Excel host where a component talks to Excel.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ComponentProps, ReactElement } from 'react';
import { demoPlan } from '../../src/domain/demo';
import type { Diagnostic } from '../../src/domain/diagnostics';
import { newWorkbookPlan } from '../../src/domain/template/workbook';
import { applyPlan } from '../../src/excel/apply-plan';
import { AddProjectForm } from '../../src/taskpane/components/AddProjectForm';
import { CheckPanel } from '../../src/taskpane/components/CheckPanel';
import { ConsolidatePanel } from '../../src/taskpane/components/ConsolidatePanel';
import { DiagnosticList } from '../../src/taskpane/components/DiagnosticList';
import { ProjectList } from '../../src/taskpane/components/ProjectList';
import { SettingsPanel } from '../../src/taskpane/components/SettingsPanel';
import { StatusCard } from '../../src/taskpane/components/StatusCard';
import { readWorkbookState } from '../../src/excel/read-state';
import { createFakeExcel, type FakeExcel } from '../excel/fake-excel';
import { JOINT_SHEET_NAMES, lastSheets } from '../support/joint-sheets';

// jsdom has no layout: Fluent's message bar only needs to be able to observe.
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

const ui = (element: ReactElement) =>
  render(<FluentProvider theme={webLightTheme}>{element}</FluentProvider>);

const XSS = '<img src=x onerror=alert(1)>';
const diagnostics: Diagnostic[] = [
  {
    severity: 'error',
    code: 'type.text-in-number',
    project: XSS,
    sheet: XSS,
    cell: 'U5',
    message: `${XSS}, Budget, row 1 (cell U5): Planned holds text`,
  },
  { severity: 'warning', code: 'project.empty', project: 'Beta', message: 'Beta: no rows yet' },
];

async function fakeWithDemo() {
  const fake = createFakeExcel();
  await applyPlan(newWorkbookPlan(demoPlan()), {
    run: fake.run,
    capabilities: { dataValidation: true, pageLayout: true },
  });
  return fake;
}

/** The Consolidate panel over `fake` in EUR, with the props a test does not watch as no-ops. */
function renderConsolidate(
  fake: FakeExcel,
  watched: Partial<ComponentProps<typeof ConsolidatePanel>> = {},
) {
  return ui(
    <ConsolidatePanel
      run={fake.run}
      currency="EUR"
      onChecked={jest.fn()}
      onOpenCheck={jest.fn()}
      onDone={jest.fn(() => Promise.resolve())}
      onProblems={jest.fn()}
      {...watched}
    />,
  );
}

describe('the pane components', () => {
  it('groups problems by project with counts, shows cell text as text, and selects on click', () => {
    const onSelect = jest.fn();
    const { container } = ui(<DiagnosticList diagnostics={diagnostics} onSelect={onSelect} />);
    expect(screen.getByRole('heading', { name: XSS })).toBeTruthy();
    expect(screen.getByText('1 error')).toBeTruthy();
    expect(screen.getByText('1 warning')).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /Planned holds text/ }));
    expect(onSelect).toHaveBeenCalledWith(XSS, 'U5');
    // A problem without a cell is plain text, not a button.
    expect(screen.queryByRole('button', { name: /no rows yet/ })).toBeNull();
  });

  it('draws a hundred problems at a time, counting them all', () => {
    const many: Diagnostic[] = Array.from({ length: 250 }, (_, i) => ({
      severity: 'warning',
      code: 'list.unknown',
      project: i < 240 ? 'Alpha' : 'Beta',
      sheet: 'Alpha',
      cell: `A${i + 1}`,
      message: `Problem ${i + 1}`,
    }));
    ui(<DiagnosticList diagnostics={many} onSelect={jest.fn()} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(100);
    expect(screen.getByText('240 warnings')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show 100 more (150 not shown)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Show 50 more (50 not shown)' }));
    expect(screen.getAllByRole('listitem')).toHaveLength(250);
    expect(screen.getByText('10 warnings')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /more/ })).toBeNull();
  });

  it('shows the plan status: projects, last check, last consolidation', () => {
    ui(
      <StatusCard
        projects={3}
        included={2}
        consolidatedAt="1 Dec 2026 09:00 UTC"
        check={diagnostics}
        dueForReview={[
          { name: 'Alpha', manager: 'Dana' },
          { name: 'Beta', manager: '' },
        ]}
      />,
    );
    expect(screen.getByText('Due for review: Alpha (Dana), Beta.')).toBeTruthy();
    expect(screen.getByText('project(s), 2 included')).toBeTruthy();
    expect(screen.getByText('error(s), 1 warning(s)')).toBeTruthy();
    expect(screen.getByText('Last consolidated on 1 Dec 2026 09:00 UTC.')).toBeTruthy();
  });

  it('puts each schema error next to its field and sends nothing to Excel', async () => {
    const onProblems = jest.fn();
    ui(<AddProjectForm takenCodes={[]} onDone={jest.fn()} onProblems={onProblems} />);
    fireEvent.change(screen.getByLabelText(/^Project name/), { target: { value: 'Alpha' } });
    fireEvent.change(screen.getByLabelText(/^Code/), { target: { value: 'no spaces!' } });
    fireEvent.change(screen.getByLabelText(/^Budget ceiling/), { target: { value: '-5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add project' }));
    for (const label of [/^Code/, /^Budget ceiling/]) {
      const input = screen.getByLabelText(label);
      await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
      // The sentence sits under the field and the field points at it.
      const message = document.getElementById(
        (input.getAttribute('aria-describedby') ?? '').split(' ')[0] ?? '',
      );
      expect(message?.textContent).toBeTruthy();
    }
    expect(screen.getByLabelText(/^Project name/).getAttribute('aria-invalid')).not.toBe('true');
    expect(onProblems).not.toHaveBeenCalled();
  });

  it('checks the plan through Excel and says when nothing is wrong', async () => {
    const fake = await fakeWithDemo();
    const onChecked = jest.fn();
    ui(
      <CheckPanel run={fake.run} diagnostics={null} onChecked={onChecked} onProblems={jest.fn()} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Check entries' }));
    await waitFor(() => expect(onChecked).toHaveBeenCalledWith([]));
  });

  it('consolidates with named steps and reports the totals', async () => {
    const fake = await fakeWithDemo();
    const onChecked = jest.fn();
    renderConsolidate(fake, { onChecked });
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Consolidate' }));
    });
    // Consolidate builds five sheets and the dashboard's charts: on a loaded machine the fake
    // host takes longer than findBy's default second.
    await screen.findByRole('heading', { name: 'Totals' }, { timeout: 10_000 });
    expect(screen.getByText('EUR 826,500.00')).toBeTruthy();
    expect(screen.getByText('3 Feb 2025')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open Contingency Plan' })).toBeTruthy();
    expect(onChecked).toHaveBeenCalledWith([]);
    expect(lastSheets(fake.sheets.map((s) => s.name))).toEqual(JOINT_SHEET_NAMES);
  });

  it('removes the joint sheets after asking, leaving the project sheets', async () => {
    const fake = await fakeWithDemo();
    const sheets = fake.sheets.map((s) => s.name);
    renderConsolidate(fake);
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Consolidate' }));
    });
    // Consolidate builds five sheets and the dashboard's charts: on a loaded machine the fake
    // host takes longer than findBy's default second.
    await screen.findByRole('heading', { name: 'Totals' }, { timeout: 10_000 });
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Remove joint sheets…' }));
    });
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Keep them' }));
    });
    expect(fake.sheets.map((s) => s.name).slice(-1)).toEqual(['Dashboard']);
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Remove joint sheets…' }));
    });
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Remove joint sheets' }));
    });
    await screen.findByText('Removed 5 joint sheet(s) and their names.');
    expect(fake.sheets.map((s) => s.name)).toEqual(sheets);
  });

  it('asks before replacing an edited joint sheet, and keeps it when told to', async () => {
    const fake = await fakeWithDemo();
    renderConsolidate(fake);
    const consolidate = () =>
      act(() => {
        fireEvent.click(screen.getByRole('button', { name: 'Consolidate' }));
      });
    consolidate();
    await screen.findByRole('heading', { name: 'Totals' });
    fake.sheet('Joint Budget').cells.set('A90', { value: 'my note' });
    consolidate();
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('Someone has typed into Joint Budget');
    // Opened from an async result, the dialog's buttons sit under tabster's aria-hidden in
    // jsdom; test/browser/pane.test.mjs clicks the same button by its accessible role in Chromium.
    const inDialog = (name: string) => screen.findByRole('button', { name, hidden: true });
    fireEvent.click(await inDialog('Keep them and cancel'));
    await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull());
    expect(fake.sheet('Joint Budget').cells.get('A90')?.value).toBe('my note');
    consolidate();
    await screen.findByRole('dialog');
    fireEvent.click(await inDialog('Replace and consolidate'));
    await screen.findByRole('heading', { name: 'Totals' }, { timeout: 5000 });
    await waitFor(() => expect(fake.sheet('Joint Budget').cells.get('A90')).toBeUndefined());
  });

  it('asks before removing a project, and deleting its sheet is a second, explicit choice', async () => {
    const fake = await fakeWithDemo();
    const entries = demoPlan().projects.map((p) => ({
      code: p.code,
      name: p.name,
      sheet: p.sheet ?? p.name,
      manager: p.manager,
      included: p.included,
    }));
    ui(
      <ProjectList
        entries={entries}
        run={fake.run}
        onDone={() => Promise.resolve()}
        onProblems={jest.fn()}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Remove Alpha Rollout from the plan' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('stay in the workbook');
    expect(screen.getByRole('button', { name: 'Remove from the plan' })).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox'));
    fireEvent.click(screen.getByRole('button', { name: 'Remove and delete the sheet' }));
    await waitFor(() => expect(fake.sheets.some((s) => s.name === 'Alpha Rollout')).toBe(false));
    expect(
      screen.getByRole('switch', { name: 'Include Alpha Rollout in consolidation' }),
    ).toBeTruthy();
  });

  it('edits settings with the domain schema and saves them to the Settings sheet', async () => {
    const fake = await fakeWithDemo();
    const settings = (await readWorkbookState(fake.run)).settings!;
    const onDone = jest.fn(() => Promise.resolve());
    ui(<SettingsPanel run={fake.run} settings={settings} onDone={onDone} onProblems={jest.fn()} />);
    // A gap between bands is refused under the bands, and nothing is written.
    fireEvent.change(screen.getByLabelText('Band 2 lowest score'), { target: { value: '6' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText(/Line 2: band "Medium" must start at 5/);
    expect(onDone).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('Band 2 lowest score'), { target: { value: '5' } });
    fireEvent.change(screen.getByLabelText(/^Currency/), { target: { value: 'CHF' } });
    fireEvent.change(screen.getByLabelText(/^Risk categories/), {
      target: { value: 'Delivery\nPeople\n' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Saved to the Settings sheet.');
    const saved = (await readWorkbookState(fake.run)).settings!;
    expect([saved.currency, saved.riskCategories]).toEqual(['CHF', ['Delivery', 'People']]);
  });
});
