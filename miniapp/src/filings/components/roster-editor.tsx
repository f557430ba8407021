import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { ID_NUMBER_LENGTH, PHONE_LENGTH, ROSTER_MAX_ROWS } from '@sqtb/shared';
import { ROSTER_CSV_HEADER, rosterRowProblems, TEXT_MAX, type RosterRow } from '../filing-draft';
import type { FilingForm } from '../use-filing-form';

/** Rows drawn at first: a long imported roster would make every keystroke slow on a phone. */
const SHOWN = 30;

function RowEditor({ row, index, form }: { row: RosterRow; index: number; form: FilingForm }) {
  const problems = rosterRowProblems(row);
  // Say what is wrong once something has been typed (or after 提交), not on an empty new row.
  const touched = form.tried || !!(row.name || row.phone || row.idNumber);
  const bad = touched && problems.length > 0;
  return (
    <View className={`roster-row${bad ? ' roster-row--bad' : ''}`}>
      <View className="roster-row__head">
        <Text>{`第 ${index + 1} 人`}</Text>
        <Text className="roster-row__remove" onClick={() => form.removeRow(row.key)}>
          删除
        </Text>
      </View>
      <Input className="field" placeholder="姓名" value={row.name} maxlength={TEXT_MAX.employeeName} onInput={(e) => form.changeRow(row.key, { name: e.detail.value })} />
      <Input className="field" type="number" placeholder="手机号" value={row.phone} maxlength={PHONE_LENGTH} onInput={(e) => form.changeRow(row.key, { phone: e.detail.value })} />
      <Input className="field" type="idcard" placeholder="身份证号" value={row.idNumber} maxlength={ID_NUMBER_LENGTH} onInput={(e) => form.changeRow(row.key, { idNumber: e.detail.value })} />
      {bad && <Text className="field-problem">{problems.join('；')}</Text>}
    </View>
  );
}

/** The returning employees: rows to type one by one, or a pasted CSV read into rows. */
export function RosterEditor({ form }: { form: FilingForm }) {
  const [showAll, setShowAll] = useState(false);
  const [csv, setCsv] = useState('');
  const [csvResult, setCsvResult] = useState<string | null>(null);
  const { roster } = form.draft;
  // Rows with problems stay in view even past the first ones.
  const shown = showAll ? roster : roster.filter((row, i) => i < SHOWN || rosterRowProblems(row).length > 0);

  const importCsv = () => {
    if (!csv.trim()) {
      setCsvResult('请先粘贴名单');
      return;
    }
    setCsvResult(form.importCsv(csv));
    setCsv('');
  };

  return (
    <View>
      <Text className="hint">{`共 ${roster.length} 人（最多 ${ROSTER_MAX_ROWS} 人）`}</Text>
      {shown.map((row) => (
        <RowEditor key={row.key} row={row} index={roster.indexOf(row)} form={form} />
      ))}
      {shown.length < roster.length && (
        <Button className="button button--plain button--small" onClick={() => setShowAll(true)}>
          {`显示全部 ${roster.length} 人`}
        </Button>
      )}
      <Button className="button button--plain" disabled={roster.length >= ROSTER_MAX_ROWS} onClick={form.addRow}>
        添加员工
      </Button>

      <Text className="section-title">或粘贴名单（从表格复制，每行：姓名,手机号,身份证号）</Text>
      <Textarea
        className="field field--textarea field--code"
        placeholder="粘贴员工名单，每行：姓名,手机号,身份证号"
        value={csv}
        maxlength={200_000}
        onInput={(e) => setCsv(e.detail.value)}
      />
      {csvResult && <Text className="hint">{csvResult}</Text>}
      <Button className="button button--plain" onClick={importCsv}>
        读入名单
      </Button>
    </View>
  );
}
