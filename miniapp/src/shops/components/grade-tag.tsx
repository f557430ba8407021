import { Text } from '@tarojs/components';
import { SHOP_GRADE_WORDS, type ShopGrade } from '@sqtb/shared';
import { gradeClass } from '../shop-words';

/** A shop's grade in words, filled with its colour. */
export function GradeTag({ grade }: { grade: ShopGrade }) {
  return <Text className={`tag grade-tag ${gradeClass('fill', grade)}`}>{SHOP_GRADE_WORDS[grade]}</Text>;
}
