import { FIRST_TIME_SUCCESS_TARGET } from '@sqtb/shared';
import { TargetBar } from '../../core/components/charts/target-bar';
import { percentText } from '../../core/components/charts/scale';
import { complaintListLink, filingListLink } from '../links';
import { openLink, type OverviewData } from '../use-overview';
import { Section } from './parts';

/** 一次办成: the figure the city tracks, for complaints and filings, each against its target. */
export function SuccessSection({ data }: { data: OverviewData }) {
  const o = data.overview;
  const complaints = o.complaints.firstTimeSuccess;
  const filings = o.filings.firstTimeApproval;
  const closed = complaintListLink(o.scope, { closed: true, receivedFrom: o.weeks[0] });
  const approved = filingListLink(o.scope, data.viewer, 'approved');
  return (
    <Section title={`一次办成率（目标 ${percentText(FIRST_TIME_SUCCESS_TARGET)}）`}>
      <TargetBar
        label="投诉一次办结"
        rate={complaints.rate}
        target={complaints.target}
        detail={`结案 ${complaints.total} 件中 ${complaints.firstTime} 件未重办`}
        onTap={closed ? () => openLink(closed) : undefined}
      />
      <TargetBar
        label="备案一次通过"
        rate={filings.rate}
        target={filings.target}
        detail={`通过 ${filings.total} 件中 ${filings.firstTime} 件未退回`}
        onTap={approved ? () => openLink(approved) : undefined}
      />
    </Section>
  );
}
