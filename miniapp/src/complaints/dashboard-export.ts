import { exportCsv } from '../core/download';
import { fetchDashboardCsv } from './api';

export const CSV_FILE_NAME = 'complaints-dashboard.csv';

/** The per-committee CSV of the complaint dashboard (see `exportCsv`). */
export const exportDashboardCsv = (): Promise<string> => exportCsv(CSV_FILE_NAME, fetchDashboardCsv);
