import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { CaseImportReport } from '@sqtb/shared';
import { useSend } from '../core/use-send';
import { importCases } from './api';

/** Read a chosen file as UTF-8 text (weapp: a file from a chat, via the file system manager). */
function readTextFile(filePath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath,
      encoding: 'utf8',
      success: (res) => resolve(String(res.data)),
      fail: reject,
    });
  });
}

/**
 * A CSV of medical statuses, pasted (H5) or picked from a chat (weapp), sent
 * as it is; the BFF reports every line.
 */
export function useCaseImport() {
  const [csv, setCsv] = useState('');
  const [report, setReport] = useState<CaseImportReport | null>(null);
  const importing = useSend(importCases);

  const submit = async () => {
    if (!csv.trim()) {
      importing.setError('请粘贴 CSV 内容（首行为表头）');
      return;
    }
    const result = await importing.send(csv);
    if (!result) return;
    setReport(result);
  };

  const pickFromChat = async () => {
    try {
      const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'txt'] });
      if (tempFiles[0]) setCsv(await readTextFile(tempFiles[0].path));
    } catch (caught) {
      if (!/cancel/i.test((caught as { errMsg?: string } | null)?.errMsg ?? '')) importing.setError('无法读取所选文件');
    }
  };

  return { csv, setCsv, report, submit, pickFromChat, busy: importing.busy, error: importing.error };
}
