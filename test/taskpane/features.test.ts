import { featuresOff } from '../../src/taskpane/features';

describe('what the pane says is off in this Excel', () => {
  it('says nothing where everything is there (ExcelApi 1.20, DialogApi 1.1)', () => {
    expect(featuresOff({ dataValidation: true, pageLayout: true, undoGroup: true }, true)).toEqual(
      [],
    );
  });

  it('names each missing feature with the requirement set it needs (ExcelApi 1.7)', () => {
    expect(featuresOff({ dataValidation: false, pageLayout: false }, false)).toEqual([
      'In-sheet guards (lists and checks on the cells) are off: this Excel lacks ExcelApi 1.8.',
      'Print settings (orientation, fit to width) are off: this Excel lacks ExcelApi 1.9.',
      "Excel's Undo cannot reverse a Consolidate: this Excel lacks ExcelApi 1.20; Remove joint sheets on the Consolidate tab takes them out again.",
      "The ribbon's Consolidate runs but cannot show its report: this Excel lacks DialogApi 1.1; use the pane's Consolidate tab.",
    ]);
  });
});
