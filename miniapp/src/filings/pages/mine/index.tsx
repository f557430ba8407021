import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { EmptyState, ErrorState, LoadingState } from '../../../core/components/status';
import { ROUTES } from '../../../core/routes';
import { FilingCard } from '../../components/filing-card';
import { FilingPanel } from '../../components/filing-panel';
import { useFilingList } from '../../use-filing-lists';
import '../../filings.css';

const fileNew = () => void Taro.navigateTo({ url: ROUTES.filingsFile });

/** 复工备案 (enterprise): the latest filing in full, earlier ones as cards, or a way to file. */
export default function MyFilingsPage() {
  // The panel reloads its filing each time the page shows again, and on pull-down.
  const [shownAt, setShownAt] = useState(0);
  const list = useFilingList({}, async () => setShownAt(Date.now()));

  if (list.items.length === 0) {
    if (list.error) return <View className="page"><ErrorState error={list.error} onRetry={list.refresh} /></View>;
    if (!list.loaded || list.loading) return <View className="page"><LoadingState /></View>;
    return (
      <View className="page">
        <EmptyState text="还没有复工备案" />
        <Button className="button button--primary" onClick={fileNew}>
          填写复工备案
        </Button>
      </View>
    );
  }
  // Newest first: the latest filing is the one that matters now.
  const [latest, ...earlier] = [...list.items].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
  return (
    <View className="page">
      {list.error && <ErrorState error={list.error} onRetry={list.refresh} />}
      <FilingPanel key={latest.id} filingId={latest.id} shownAt={shownAt} />
      {earlier.length > 0 && <Text className="section-title">以往的备案</Text>}
      {earlier.map((filing) => (
        <FilingCard key={filing.id} filing={filing} />
      ))}
    </View>
  );
}
