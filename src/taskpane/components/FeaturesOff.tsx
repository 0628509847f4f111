import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useMemo } from 'react';
import { detectCapabilities } from '../../excel/host';
import { supportsDialogs } from '../../excel/office';
import { featuresOff } from '../features';

/** On load: which features this Excel cannot offer, and why; nothing when all are there. */
export function FeaturesOff() {
  const off = useMemo(() => featuresOff(detectCapabilities(), supportsDialogs()), []);
  if (off.length === 0) return null;
  return (
    <section aria-label="Features off in this Excel">
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Some features are off in this Excel</MessageBarTitle>
          {off.map((line) => (
            <div key={line}>{line}</div>
          ))}
        </MessageBarBody>
      </MessageBar>
    </section>
  );
}
