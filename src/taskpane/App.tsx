import {
  Body1,
  FluentProvider,
  Image,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { Diagnostic } from '../domain/diagnostics';
import type { WorkbookState } from '../domain/template/workbook';
import { readWorkbookState } from '../excel/read-state';
import { AddProjectForm } from './components/AddProjectForm';
import { Problems } from './components/Problems';
import { ProjectList } from './components/ProjectList';
import { SetUpCard } from './components/SetUpCard';
import { hostProblem } from './host';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    minWidth: '280px',
  },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

function officeTheme() {
  const bg =
    typeof Office !== 'undefined' ? Office.context?.officeTheme?.bodyBackgroundColor : undefined;
  if (!bg) return webLightTheme;
  const n = parseInt(bg.replace('#', ''), 16);
  const luminance = ((n >> 16) & 255) * 0.299 + ((n >> 8) & 255) * 0.587 + (n & 255) * 0.114;
  return luminance < 128 ? webDarkTheme : webLightTheme;
}

/** The pane: set up a plan, then add projects; every action goes through src/excel. */
export function App() {
  const styles = useStyles();
  const [state, setState] = useState<WorkbookState | null>(null);
  const [problems, setProblems] = useState<Diagnostic[]>([]);

  const refresh = useCallback(async () => {
    try {
      setState(await readWorkbookState());
    } catch (e) {
      setProblems([hostProblem(e)]);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return (
    <FluentProvider theme={officeTheme()}>
      <main className={styles.root}>
        <header className={styles.header}>
          <Image src="assets/icon-32.png" alt="" width={24} height={24} />
          <Subtitle2 as="h1">Implan</Subtitle2>
        </header>
        <Problems problems={problems} />
        {state === null ? (
          <Spinner size="small" label="Reading the workbook…" />
        ) : state.registry === null ? (
          <SetUpCard onDone={refresh} onProblems={setProblems} />
        ) : (
          <>
            <Body1>
              {state.registry.entries.length === 0
                ? 'No projects yet: add the first one below.'
                : `${state.registry.entries.length} project(s) in this plan.`}
            </Body1>
            <ProjectList entries={state.registry.entries} />
            <AddProjectForm
              takenCodes={state.registry.entries.map((e) => e.code)}
              onDone={refresh}
              onProblems={setProblems}
            />
          </>
        )}
      </main>
    </FluentProvider>
  );
}
