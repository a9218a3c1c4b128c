import { createStore } from 'zustand/vanilla';
import { detectSurveyColumn, runSurvey, surveyPreview, type SurveyOutcome } from '../lab/lab-survey';
import { pickFile } from './dom';

// The Analytics Lab's NPS poll: the survey file read (small: it is worked out on the page at once), the column of
// 0–10 answers chosen, what came out, and where the focus goes after the next drawing.

interface SurveyState {
  fileName: string;
  text: string;
  header: string[];
  column: string;
  outcome: SurveyOutcome | null;
  focus: string | null;
}

export const surveyStore = createStore<SurveyState>()(() => ({ fileName: '', text: '', header: [], column: '', outcome: null, focus: null }));

function computed(text: string, column: string): Pick<SurveyState, 'outcome' | 'focus'> {
  const outcome = text ? runSurvey(text, column) : null;
  return { outcome, focus: outcome?.ok ? '#lab-nps-result-h' : '[data-testid="lab-nps-errors"]' };
}

export function loadSurvey(name: string, text: string): void {
  const preview = surveyPreview(text);
  const column = detectSurveyColumn(preview.header, preview.rows);
  surveyStore.setState({ fileName: name, text, header: preview.header, column, ...computed(text, column) });
}

export async function chooseSurveyFile(): Promise<void> {
  const picked = await pickFile('.csv,.txt,text/csv,text/plain');
  if (picked) loadSurvey(picked.name, picked.text);
}

export function chooseSurveyColumn(column: string): void {
  surveyStore.setState({ column, ...computed(surveyStore.getState().text, column), focus: '#lab-nps-column' });
}
