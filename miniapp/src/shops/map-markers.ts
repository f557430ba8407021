import { SHOP_GRADE_WORDS, type Committee, type Hotspot, type ShopAlertView, type ShopGrade, type ShopView } from '@sqtb/shared';
import type { Map } from '@tarojs/components';
import type { ComponentProps } from 'react';
import type { ComplaintListItem } from '../complaints/api';
import { alertWords, hotspotWords, overdueWords } from './shop-words';

type MapProps = ComponentProps<typeof Map>;
type Marker = NonNullable<MapProps['markers']>[number];
type MapCircle = NonNullable<MapProps['circles']>[number];

/**
 * WeChat's map is drawn natively and takes colours as #RRGGBB(AA), not CSS
 * variables: these are app.css's values (--color-code-green / -yellow / -red for
 * the grades, --color-warning for hotspots, --color-alarm for overdue matters,
 * --color-primary for the committees' areas, --color-text-secondary for alerts no
 * shop was near).
 */
const MAP_COLOURS: Record<ShopGrade | 'hotspot' | 'overdue' | 'area' | 'alert', string> = {
  low: '#2ea121',
  medium: '#f5a623',
  high: '#e02020',
  hotspot: '#d46b08',
  overdue: '#f5222d',
  area: '#1677ff',
  alert: '#646a73',
};

/** What a marker stands for: WeChat answers a tap with the marker's number only. */
export type MapMark = { kind: 'shop' | 'complaint' | 'hotspot' | 'alert'; id: string };

/** A label under the marker, filled with the mark's colour (the marker icon itself is WeChat's default). */
const label = (content: string, colour: string): NonNullable<Marker['label']> => ({
  content,
  color: '#ffffff',
  fontSize: 11,
  anchorX: 0,
  anchorY: 0,
  borderWidth: 0,
  borderColor: colour,
  borderRadius: 4,
  bgColor: colour,
  padding: 3,
  textAlign: 'center',
});

const marker = (id: number, at: { lat: number; lng: number }, title: string, content: string, colour: string): Marker => ({
  id,
  latitude: at.lat,
  longitude: at.lng,
  title,
  iconPath: '',
  width: 22,
  height: 30,
  label: label(content, colour),
});

/**
 * The map's markers, numbered in order, and what each number stands for:
 * shops coloured by grade, then open hotspots, then overdue matters, then
 * patrol alerts no registered shop stood near.
 */
export function mapMarkers(shops: readonly ShopView[], hotspots: readonly Hotspot[], overdue: readonly ComplaintListItem[], alerts: readonly ShopAlertView[]) {
  const marks: MapMark[] = [];
  const markers: Marker[] = [];
  const add = (mark: MapMark, at: { lat: number; lng: number }, title: string, content: string, colour: string) => {
    markers.push(marker(marks.length, at, title, content, colour));
    marks.push(mark);
  };
  for (const shop of shops) add({ kind: 'shop', id: shop.id }, shop.location, `${shop.name}（${SHOP_GRADE_WORDS[shop.grade]}）`, shop.name, MAP_COLOURS[shop.grade]);
  for (const spot of hotspots) add({ kind: 'hotspot', id: spot.id }, spot.center, hotspotWords(spot), '乱点', MAP_COLOURS.hotspot);
  for (const c of overdue) add({ kind: 'complaint', id: c.id }, c.location, overdueWords(c.categoryName), overdueWords(c.categoryName), MAP_COLOURS.overdue);
  for (const a of alerts) add({ kind: 'alert', id: a.id }, a.location, alertWords(a.violationType), '告警', MAP_COLOURS.alert);
  return { markers, marks };
}

/** Each committee's area as a light circle. */
export const mapCircles = (committees: readonly Committee[]): MapCircle[] =>
  committees.map((c) => ({
    latitude: c.area.center.lat,
    longitude: c.area.center.lng,
    radius: c.area.radiusMeters,
    color: `${MAP_COLOURS.area}99`,
    fillColor: `${MAP_COLOURS.area}14`,
    strokeWidth: 1,
  }));
