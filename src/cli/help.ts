/** The command line's usage: one entry per command, so `implan help COMMAND` can print its own. */

interface CommandHelp {
  /** How it is called, options in brackets. */
  readonly synopsis: string;
  /** One line for the overview. */
  readonly summary: string;
  /** What it does, what it writes, and an example. */
  readonly details: string;
}

export const COMMANDS: Readonly<Record<string, CommandHelp>> = {
  init: {
    synopsis: 'implan init BOOK.xlsx',
    summary: 'set up a plan in a new or an existing workbook',
    details: `Creates BOOK.xlsx with the Settings, Projects and How to use sheets, or, when BOOK.xlsx
exists, adds those three sheets to it and leaves every sheet, table, name, chart and style it
already holds as it was. Refuses a workbook that already has a plan or a sheet of those names.

Example:
  implan init plan.xlsx`,
  },
  'add-project': {
    synopsis: `implan add-project BOOK.xlsx --name NAME [--code CODE] [--manager NAME]
                     [--start YYYY-MM-DD] [--end YYYY-MM-DD] [--sheet SHEET]`,
    summary: 'add a templated project sheet and register it',
    details: `Adds a project sheet (card, Tasks, Budget and Risks tables) to a workbook set up with
implan init, and a row for it in the Projects register. The code is suggested from the name
when --code is left out; the sheet is named after the project unless --sheet says otherwise.

Example:
  implan add-project plan.xlsx --name "Alpha Rollout" --manager "Dana" \\
      --start 2025-02-03 --end 2025-09-30`,
  },
  include: {
    synopsis: 'implan include BOOK.xlsx CODE...',
    summary: 'include projects in consolidation',
    details: `Sets Included to Yes on the Projects register lines of the projects with these codes, as
the pane's Included switch does. Changes BOOK.xlsx in place and keeps the previous version
as BOOK.xlsx.bak. An unknown code refuses the whole command (exit 2); nothing is written.

Example:
  implan include plan.xlsx ALPHA PORTAL`,
  },
  exclude: {
    synopsis: 'implan exclude BOOK.xlsx CODE...',
    summary: 'leave projects out of consolidation',
    details: `Sets Included to No on the Projects register lines of the projects with these codes: the
next consolidate leaves them out of the joint sheets. Their sheets are not touched. Changes
BOOK.xlsx in place and keeps the previous version as BOOK.xlsx.bak.

Example:
  implan exclude plan.xlsx ORSTED`,
  },
  'remove-project': {
    synopsis: 'implan remove-project BOOK.xlsx CODE [--delete-sheet]',
    summary: 'take a project out of the Projects register',
    details: `Removes the project's line from the Projects register. Its sheet, and everything typed in
it, stays unless --delete-sheet is given, as in the pane. A sheet the joint sheets still
refer to is not deleted: exclude the project and consolidate first. Changes BOOK.xlsx in
place and keeps the previous version as BOOK.xlsx.bak.

Example:
  implan remove-project plan.xlsx ALPHA --delete-sheet`,
  },
  settings: {
    synopsis: 'implan settings BOOK.xlsx [--set KEY=VALUE ...]',
    summary: "print the plan's settings, or change them",
    details: `Without --set, prints one line per setting: currency, review-days, baseline (the
saved baseline compared with), rating-bands, probability, budget-categories,
risk-categories, task-statuses, project-statuses and holidays. Each
--set takes a line in the same form (lists separated by ";") and saves it to the Settings
sheet, checked as the pane checks it. Changes BOOK.xlsx in place and keeps a .bak.

Example:
  implan settings plan.xlsx --set currency=CHF --set "rating-bands=Low 1-9; High 10-25"`,
  },
  import: {
    synopsis: 'implan import PLAN.json -o BOOK.xlsx',
    summary: 'a whole workbook from a plan file',
    details: `Builds a new workbook from a plan file (see implan schema); refuses to overwrite BOOK.xlsx.

Example:
  implan import plan.json -o copy.xlsx`,
  },
  export: {
    synopsis: 'implan export BOOK.xlsx [-o PLAN.json]',
    summary: "the plan's data back as JSON (stdout without -o)",
    details: `Reads the settings and every project of BOOK.xlsx and prints them as a plan file, or
writes it to PLAN.json with -o.

Example:
  implan export demo.xlsx -o plan.json`,
  },
  validate: {
    synopsis: 'implan validate BOOK.xlsx [--json]',
    summary: "check every project's entries (never writes)",
    details: `Checks the raw cells of every project: text in number or date cells, scores out of range,
ends before starts, missing owners, duplicate IDs, unknown or circular dependencies, renamed
sheets or tables. Prints one sentence per problem, grouped by project (--json: as JSON).
Exit 0 when there is no error, 1 when there is.

Example:
  implan validate demo.xlsx`,
  },
  consolidate: {
    synopsis: 'implan consolidate BOOK.xlsx [-o OUT.xlsx] [--replace-edited]',
    summary: 'build the joint schedule, budget and contingency sheets',
    details: `Checks the included projects (errors block) and builds the three joint sheets, every
figure a live formula. In place it keeps the previous file as BOOK.xlsx.bak; -o writes a copy.
Refuses to replace a joint sheet someone typed into, unless --replace-edited.

Example:
  implan consolidate demo.xlsx -o consolidated.xlsx`,
  },
  baseline: {
    synopsis: 'implan baseline BOOK.xlsx --name NAME | --list',
    summary: 'save the plan as a named baseline, or --list them',
    details: `Saves every included project's task dates and statuses, budget lines' planned amounts,
risks' scores and statuses, and the joint totals, as values, on the Baselines sheet, named
NAME and dated today. Several are kept; a name already saved is refused (a baseline is never
overwritten) and Consolidate never changes one. The first saved becomes the one Settings
compares with ("Compare with baseline"; implan settings BOOK.xlsx --set baseline=NAME
changes it), and Consolidate builds the Baseline Variance sheet against it. --list prints
the baselines saved. Changes BOOK.xlsx in place and keeps a .bak.

Example:
  implan baseline plan.xlsx --name "Approved 2026-12-02"`,
  },
  upgrade: {
    synopsis: 'implan upgrade BOOK.xlsx [--dry-run]',
    summary: 'upgrade a workbook made by an older implan',
    details: `Adds what this version of the template has and BOOK.xlsx lacks (today: the Settings row
"Review every (days)" and each project card's Review row) into empty cells, keeps every value
you typed and every sheet, table and name implan does not own, and prints per project what it
changed. In place it keeps the previous file as BOOK.xlsx.bak; --dry-run only prints what it
would change. Running it again changes nothing. Refuses a workbook made by a newer implan.

Example:
  implan upgrade plan.xlsx --dry-run`,
  },
  schema: {
    synopsis: 'implan schema',
    summary: 'the JSON Schema of plan files',
    details: `Prints the JSON Schema that plan files (implan import, implan export) follow.

Example:
  implan schema`,
  },
  demo: {
    synopsis: 'implan demo [-o demo.xlsx]',
    summary: 'a realistic three-project example',
    details: `Writes a plan with three projects, their tasks, budgets and risks (demo.xlsx unless -o),
consolidated: the joint schedule, budget and contingency plan and the status dashboard.

Example:
  implan demo -o demo.xlsx`,
  },
  help: {
    synopsis: 'implan help [COMMAND]',
    summary: "this overview, or one command's usage",
    details: `Prints the overview of every command, or the usage of one.

Example:
  implan help add-project`,
  },
};

const EXIT_CODES =
  'Exit codes: 0 done, 1 the input has problems (nothing was written), 2 a file cannot be read or written.';
const FORCE =
  'Commands that make a file refuse an existing one unless given --force (never their own input).';

/** The overview: every command with its one-line summary. */
export function usage(): string {
  const lines = Object.values(COMMANDS).flatMap((c) => {
    const [first = '', ...rest] = c.synopsis.split('\n');
    return first.length <= 42
      ? [`  ${first.padEnd(43)}${c.summary}`, ...rest]
      : [`  ${first}`, ...rest, `${' '.repeat(45)}${c.summary}`];
  });
  return `implan: implementation plans in Excel workbooks

Usage:
${lines.join('\n')}

Run "implan help COMMAND" or "implan COMMAND --help" for one command's usage and an example.
${FORCE}
${EXIT_CODES}`;
}

/** One command's usage, or undefined when there is no such command. */
export function commandUsage(command: string): string | undefined {
  const c = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  return (
    c &&
    `Usage: ${c.synopsis}\n\n${c.summary[0]?.toUpperCase()}${c.summary.slice(1)}.\n\n${c.details}\n\n${FORCE}\n${EXIT_CODES}`
  );
}
