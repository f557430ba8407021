import { Input, Switch, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { COMPLAINT_DESCRIPTION_MAX_LENGTH, COMPLAINT_DESCRIPTION_MIN_LENGTH, COMPLAINT_MAX_PHOTOS } from '@sqtb/shared';
import { Chips } from '../../../core/components/chips';
import { FormFooter } from '../../../core/components/form-footer';
import { LocationPicker } from '../../components/location-picker';
import { NearbyStep } from '../../components/nearby-step';
import { PhotoPicker } from '../../components/photo-picker';
import { ShopPick } from '../../components/shop-pick';
import { ADDRESS_MAX, CATEGORY_OPTIONS } from '../../report-draft';
import { useReportFlow } from '../../use-report-flow';

/** 问题发现: a resident reports a neighbourhood problem, after checking for the same one nearby. */
export default function ReportComplaintPage() {
  const flow = useReportFlow();
  const [placeKey, setPlaceKey] = useState<string | undefined>();
  const { draft, change } = flow;

  if (flow.step === 'duplicates') {
    return (
      <View className="page">
        <Text className="page__title">附近的相同问题</Text>
        <NearbyStep flow={flow} />
      </View>
    );
  }

  return (
    <View className="page">
      <Text className="section-title">问题类型</Text>
      <Chips options={CATEGORY_OPTIONS} value={draft.category} onChange={(category) => change({ category })} />

      <Text className="section-title">问题描述</Text>
      <Textarea
        className="field field--textarea"
        placeholder={`请描述您遇到的问题（至少 ${COMPLAINT_DESCRIPTION_MIN_LENGTH} 个字）`}
        value={draft.description}
        maxlength={COMPLAINT_DESCRIPTION_MAX_LENGTH}
        onInput={(e) => change({ description: e.detail.value })}
      />

      <Text className="section-title">{`现场照片（选填，最多 ${COMPLAINT_MAX_PHOTOS} 张）`}</Text>
      <PhotoPicker uploads={flow.photos} max={COMPLAINT_MAX_PHOTOS} />

      <Text className="section-title">问题位置</Text>
      <LocationPicker
        location={draft.location}
        pickedKey={placeKey}
        onPick={(place) => {
          setPlaceKey(place.key);
          change({ location: place.location, address: place.address, shopId: undefined });
        }}
      />
      <ShopPick title="涉及商铺（选填）" at={draft.location} value={draft.shopId} onChange={(shopId) => change({ shopId })} />
      <Input className="field" placeholder="详细地址，例如：潍坊路 400 号门口" value={draft.address} maxlength={ADDRESS_MAX} onInput={(e) => change({ address: e.detail.value })} />

      <View className="switch-row">
        <Text>匿名反映</Text>
        <Switch checked={draft.anonymous} onChange={(e) => change({ anonymous: e.detail.value })} />
      </View>
      <Text className="hint">匿名时，对外公开的信息不显示您的姓名；居委和处置部门仍能看到，以便联系您。</Text>

      <FormFooter
        problems={flow.problems}
        error={flow.error}
        label="提交"
        busy={flow.pending === 'checking' || flow.pending === 'submitting'}
        disabled={flow.pending !== null}
        onSubmit={() => void flow.next()}
      />
    </View>
  );
}
