/**
 * @jest-environment jsdom
 *
 * The pane's Add project form keeps the same sheet-name rules as import: a name that cannot be
 * a sheet name is said under the field, with the legal sheet the project will get.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen } from '@testing-library/react';
import { AddProjectForm } from '../../src/taskpane/components/AddProjectForm';

it.each([
  ['Budget: Q1/Q2', 'Budget Q1-Q2', 'contains :'],
  ['Settings', 'Settings (2)', 'implan keeps for itself'],
  ['History', 'History (2)', 'Excel keeps for itself'],
])('S24 the pane says where a project named %s will live', (name, sheet, why) => {
  render(
    <FluentProvider theme={webLightTheme}>
      <AddProjectForm takenCodes={[]} onDone={jest.fn()} onProblems={jest.fn()} />
    </FluentProvider>,
  );
  fireEvent.change(screen.getByLabelText(/^Project name/), { target: { value: name } });
  const hint = screen.getByText(new RegExp(`gets the sheet "${sheet.replace(/[()]/g, '\\$&')}"`));
  expect(hint.textContent).toContain(why);
  expect(hint.textContent).toMatch(/\.$/);
});

it('S25 the pane shows no note for a name that is a legal sheet name', () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <AddProjectForm takenCodes={[]} onDone={jest.fn()} onProblems={jest.fn()} />
    </FluentProvider>,
  );
  fireEvent.change(screen.getByLabelText(/^Project name/), { target: { value: 'Alpha Rollout' } });
  expect(screen.queryByText(/gets the sheet/)).toBeNull();
});
