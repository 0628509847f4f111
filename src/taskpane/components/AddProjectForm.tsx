import { Button, Field, Input, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Diagnostic } from '../../domain/diagnostics';
import { ProjectHeader } from '../../domain/schema/project';
import { defaultSheetOf } from '../../domain/schema/sheet-name';
import { suggestCode } from '../../domain/template/project-identity';
import { addProject } from '../../excel/actions';
import { useAction } from '../useAction';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

interface Props {
  takenCodes: readonly string[];
  onDone: () => Promise<void>;
  onProblems: (problems: Diagnostic[]) => void;
}

const FIELDS = [
  ['name', 'Project name', 'text'],
  ['code', 'Code', 'text'],
  ['manager', 'Manager', 'text'],
  ['start', 'Start', 'date'],
  ['end', 'End', 'date'],
  ['budgetCeiling', 'Budget ceiling', 'number'],
] as const;

type Key = (typeof FIELDS)[number][0];

const EMPTY: Record<Key, string> = {
  name: '',
  code: '',
  manager: '',
  start: '',
  end: '',
  budgetCeiling: '',
};

/** Add project: checked with the domain's own zod schema; errors stand next to their field. */
export function AddProjectForm({ takenCodes, onDone, onProblems }: Props) {
  const styles = useStyles();
  const [values, setValues] = useState<Record<Key, string>>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Key, string>>>({});
  const { busy, run } = useAction(onDone, onProblems);
  const code = values.code || (values.name ? suggestCode(values.name, takenCodes) : '');
  // The same sheet-name rules as import: a name that cannot be a sheet name gives its sheet
  // a legal name derived from it, and the form says so under the name.
  const derived = values.name.trim() !== '' ? defaultSheetOf(values.name.trim()) : null;
  const sheet = derived?.note ? { sheet: derived.sheet } : {};

  const submit = async () => {
    const input = {
      name: values.name,
      code,
      manager: values.manager,
      start: values.start || null,
      end: values.end || null,
      budgetCeiling: values.budgetCeiling === '' ? null : Number(values.budgetCeiling),
      ...sheet,
    };
    const parsed = ProjectHeader.safeParse(input);
    if (!parsed.success) {
      const next: Partial<Record<Key, string>> = {};
      for (const issue of parsed.error.issues) next[issue.path[0] as Key] ??= issue.message;
      setErrors(next);
      return;
    }
    setErrors({});
    if (await run(() => addProject(input))) setValues(EMPTY);
  };

  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Subtitle2 as="h2">Add project</Subtitle2>
      {FIELDS.map(([key, label, type]) => (
        <Field
          key={key}
          label={label}
          required={key === 'name'}
          validationMessage={errors[key]}
          hint={
            key === 'code' && !values.code && code
              ? `Suggested: ${code}`
              : key === 'name' && derived?.note
                ? derived.note
                : undefined
          }
        >
          <Input
            type={type}
            value={values[key]}
            placeholder={key === 'code' ? code : undefined}
            onChange={(_, d) => setValues((v) => ({ ...v, [key]: d.value }))}
          />
        </Field>
      ))}
      <Button appearance="primary" type="submit" disabled={busy || values.name.trim() === ''}>
        {busy ? 'Adding…' : 'Add project'}
      </Button>
    </form>
  );
}
