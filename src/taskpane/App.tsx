import {
  Body1,
  FluentProvider,
  Image,
  Spinner,
  Subtitle2,
  Tab,
  TabList,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Diagnostic } from '../domain/diagnostics';
import { serialToIso, todaySerial } from '../domain/dates';
import { defaultRun, withRetries } from '../excel/host';
import { officeBackground } from '../excel/office';
import { type PlanStatus, readPlanStatus } from '../excel/read-state';
import { AddProjectForm } from './components/AddProjectForm';
import { CheckPanel } from './components/CheckPanel';
import { ConsolidatePanel } from './components/ConsolidatePanel';
import { FeaturesOff } from './components/FeaturesOff';
import { Problems } from './components/Problems';
import { ProjectList } from './components/ProjectList';
import { SetUpCard } from './components/SetUpCard';
import { SaveBaselinePanel } from './components/SaveBaselinePanel';
import { SettingsPanel } from './components/SettingsPanel';
import { StatusCard } from './components/StatusCard';
import { UpgradeCard } from './components/UpgradeCard';
import { isReviewDue } from '../domain/template/review';
import { versionProblem } from '../domain/template/version';
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
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  // Four tabs do not fit in one line at 320 px: they wrap rather than push the pane wider.
  tabs: { flexWrap: 'wrap' },
});

function officeTheme() {
  const bg = officeBackground();
  if (!bg) return webLightTheme;
  const n = parseInt(bg.replace('#', ''), 16);
  const luminance = ((n >> 16) & 255) * 0.299 + ((n >> 8) & 255) * 0.587 + (n & 255) * 0.114;
  return luminance < 128 ? webDarkTheme : webLightTheme;
}

/** Today on the pane's clock, as the user's calendar says it (local date, not UTC). */
function todayIso(): string {
  return serialToIso(todaySerial());
}

/** The projects due for review, by the rule the sheets' formulas apply. */
function dueProjects(status: PlanStatus | null, today: string) {
  const every = status?.state.settings?.reviewEveryDays;
  if (!status || every === undefined) return [];
  return status.reviews.filter((r) => isReviewDue(r.lastReviewed, today, every));
}

type TabName = 'projects' | 'check' | 'consolidate' | 'settings';

/** The pane: set up a plan, then projects, check and consolidate; every action goes through src/excel. */
export function App() {
  const styles = useStyles();
  const [status, setStatus] = useState<PlanStatus | null>(null);
  const [problems, setProblems] = useState<Diagnostic[]>([]);
  const [tab, setTab] = useState<TabName>('projects');
  const [check, setCheck] = useState<readonly Diagnostic[] | null>(null);
  const [waiting, setWaiting] = useState(false);
  // Excel refuses requests while a cell is being edited: wait and retry instead of failing.
  const run = useMemo(() => withRetries(defaultRun, { onWait: () => setWaiting(true) }), []);

  const refresh = useCallback(async () => {
    try {
      setStatus(await readPlanStatus(run));
    } catch (e) {
      setProblems([hostProblem(e)]);
    } finally {
      setWaiting(false);
    }
  }, [run]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const state = status?.state ?? null;
  const entries = state?.registry?.entries ?? [];
  const version = state?.templateVersion ?? null;
  const versionBlock = versionProblem(version, 'click Upgrade below');
  const dueForReview = dueProjects(status, todayIso());
  return (
    <FluentProvider theme={officeTheme()}>
      <main className={styles.root}>
        <header className={styles.header}>
          <Image src="assets/icon-32.png" alt="" width={24} height={24} />
          <Subtitle2 as="h1">Implan</Subtitle2>
        </header>
        {waiting && (
          <Spinner size="tiny" label="Excel is busy (is a cell being edited?); trying again…" />
        )}
        <FeaturesOff />
        <Problems problems={problems} />
        {state === null ? (
          <Spinner size="small" label="Reading the workbook…" />
        ) : state.registry === null ? (
          <SetUpCard onDone={refresh} onProblems={setProblems} />
        ) : (
          <>
            <StatusCard
              projects={entries.length}
              included={entries.filter((e) => e.included).length}
              consolidatedAt={status?.consolidatedAt ?? null}
              check={check}
              dueForReview={dueForReview}
            />
            {versionBlock && version !== null ? (
              <UpgradeCard
                version={version}
                problem={versionBlock}
                run={run}
                onDone={refresh}
                onProblems={setProblems}
              />
            ) : (
              <>
                <TabList
                  className={styles.tabs}
                  size="small"
                  selectedValue={tab}
                  onTabSelect={(_, data) => setTab(data.value as TabName)}
                  aria-label="Implan"
                >
                  <Tab value="projects">Projects</Tab>
                  <Tab value="check">Check</Tab>
                  <Tab value="consolidate">Consolidate</Tab>
                  <Tab value="settings">Settings</Tab>
                </TabList>
                {tab === 'projects' && (
                  <section className={styles.section} aria-label="Projects">
                    <Body1>
                      {entries.length === 0
                        ? 'No projects yet: add the first one below.'
                        : `${entries.length} project(s) in this plan.`}
                    </Body1>
                    <ProjectList
                      entries={entries}
                      run={run}
                      onDone={refresh}
                      onProblems={setProblems}
                    />
                    <AddProjectForm
                      takenCodes={entries.map((e) => e.code)}
                      onDone={refresh}
                      onProblems={setProblems}
                    />
                  </section>
                )}
                {tab === 'check' && (
                  <section className={styles.section} aria-label="Check">
                    <CheckPanel
                      run={run}
                      diagnostics={check}
                      onChecked={setCheck}
                      onProblems={setProblems}
                    />
                  </section>
                )}
                {tab === 'consolidate' && (
                  <section className={styles.section} aria-label="Consolidate">
                    <ConsolidatePanel
                      run={run}
                      currency={state.settings?.currency ?? 'EUR'}
                      onChecked={setCheck}
                      onOpenCheck={() => setTab('check')}
                      onDone={refresh}
                      onProblems={setProblems}
                    />
                    <SaveBaselinePanel run={run} onDone={refresh} onProblems={setProblems} />
                  </section>
                )}
                {tab === 'settings' &&
                  (state.settings ? (
                    <section className={styles.section} aria-label="Settings">
                      <SettingsPanel
                        run={run}
                        settings={state.settings}
                        onDone={refresh}
                        onProblems={setProblems}
                      />
                    </section>
                  ) : (
                    <Body1>
                      The Settings sheet cannot be read (a table or the currency cell is missing or
                      renamed); restore it, then open this tab again.
                    </Body1>
                  ))}
              </>
            )}
          </>
        )}
      </main>
    </FluentProvider>
  );
}
