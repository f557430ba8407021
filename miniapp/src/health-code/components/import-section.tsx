import { Button, Text, Textarea, View } from '@tarojs/components';
import { CASE_IMPORT_MAX_CHARS, type CaseImportReport } from '@sqtb/shared';
import { FormFooter } from '../../core/components/form-footer';
import { isH5 } from '../../core/platform';
import { CSV_HEADER, importErrorInWords, STATUS_CODES_HINT } from '../case-words';
import { useCaseImport } from '../use-case-import';
import { medicalStatusLabel } from '../words';

/** The line-by-line outcome of an import: what was applied, and why each refused line was refused. */
export function ImportReportView({ report }: { report: CaseImportReport }) {
  return (
    <View className="card">
      <Text className="card__title">{`已导入 ${report.applied} 行，未导入 ${report.refused} 行`}</Text>
      {report.lines.map((line) => (
        <View key={line.line} className={`import-line import-line--${line.applied ? 'applied' : 'refused'}`}>
          <Text className="import-line__no">{`第 ${line.line} 行`}</Text>
          <Text className="import-line__text">
            {line.applied ? `已导入 ${line.idMasked ?? ''} ${medicalStatusLabel(line.status ?? '')}` : `未导入：${importErrorInWords(line.error ?? '')}`}
          </Text>
        </View>
      ))}
    </View>
  );
}

/** 批量导入: a CSV (header idNumber,status,date,note); each line is applied or refused on its own. */
export function ImportSection() {
  const csv = useCaseImport();
  return (
    <View>
      <View className="card">
        <Text className="section-title">{`CSV 首行为表头：${CSV_HEADER}`}</Text>
        <Textarea
          className="field field--textarea field--code"
          placeholder="粘贴 CSV 内容"
          value={csv.csv}
          maxlength={CASE_IMPORT_MAX_CHARS}
          onInput={(e) => csv.setCsv(e.detail.value)}
        />
        {!isH5() && (
          <Button className="button button--plain button--small" onClick={() => void csv.pickFromChat()}>
            从聊天中选择 CSV 文件
          </Button>
        )}
        <FormFooter error={csv.error} label="导入" busy={csv.busy} onSubmit={() => void csv.submit()} />
        <Text className="hint">{`status 可填：${STATUS_CODES_HINT}；date 形如 2026-03-01，不能晚于今天。每行单独校验，错误的行不影响其他行。`}</Text>
      </View>
      {csv.report && <ImportReportView report={csv.report} />}
    </View>
  );
}
