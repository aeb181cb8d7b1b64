/** The workflow event as the runner hands it over: its name, activity type and payload. */
export interface RunnerEvent {
  name: string;
  action?: string;
  payload: Record<string, unknown>;
}
