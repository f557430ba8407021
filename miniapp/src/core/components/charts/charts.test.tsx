import { fireEvent, render, screen } from '../../../test-support/rtl';
import { BarRows } from './bar-rows';
import { ColumnChart } from './column-chart';
import { largest, percentText, share, summarize } from './scale';
import { TargetBar, targetVerdict } from './target-bar';

jest.mock('@tarojs/components', () => require('../../../test-support/components-mock'));
jest.mock('./charts.css', () => ({}));

const widths = (root: Element, selector: string) => Array.from(root.querySelectorAll<HTMLElement>(selector)).map((n) => n.style.width);

describe('chart arithmetic', () => {
  it('sizes a value as a share of the largest, capped at 100%, with one decimal', () => {
    expect(share(1, 3)).toBe('33.3%');
    expect(share(3, 3)).toBe('100%');
    expect(share(4, 3)).toBe('100%');
    expect(share(0.9063, 1)).toBe('90.6%');
  });

  it('draws nothing for nothing: zero, null, or no scale', () => {
    expect(share(0, 10)).toBe('0%');
    expect(share(null, 10)).toBe('0%');
    expect(share(5, 0)).toBe('0%');
    expect(share(Number.NaN, 10)).toBe('0%');
    expect(largest([null, 3, undefined, 7, Number.POSITIVE_INFINITY])).toBe(7);
    expect(largest([])).toBe(0);
  });

  it('says a rate with at most one decimal, and — when there is none', () => {
    expect(percentText(0.9)).toBe('90%');
    expect(percentText(0.8333)).toBe('83.3%');
    expect(percentText(null)).toBe('—');
  });

  it('summarizes every value of every row in one sentence', () => {
    const series = [
      { name: '收到', tone: 'blue' as const },
      { name: '结案', tone: 'green' as const },
    ];
    expect(summarize('每周', series, [{ label: '3/2', values: [4, null] }])).toBe('每周：3/2 收到 4、结案 —');
    expect(summarize('每周', series, [])).toBe('每周：暂无数据');
  });

  it('tells how far a rate is from its target', () => {
    expect(targetVerdict(0.9, 0.9)).toBe('已达标');
    expect(targetVerdict(0.853, 0.9)).toBe('低于目标 4.7 个百分点');
    expect(targetVerdict(null, 0.9)).toBe('暂无数据');
  });
});

describe('the charts', () => {
  it('columns: one per series in each group, heights relative to the largest or to the given maximum', () => {
    const { container } = render(
      <ColumnChart
        title="比率"
        series={[
          { name: '按时', tone: 'cyan' },
          { name: '满意', tone: 'orange' },
        ]}
        groups={[
          { key: 'a', label: 'A', values: [0.5, 1] },
          { key: 'b', label: 'B', values: [null, 0.25] },
        ]}
        max={1}
        format={percentText}
      />,
    );
    expect(Array.from(container.querySelectorAll<HTMLElement>('.chart__column')).map((c) => c.style.height)).toEqual(['50%', '100%', '0%', '25%']);
    expect(screen.getByText('比率：A 按时 50%、满意 100%；B 按时 —、满意 25%')).toBeTruthy();
    expect(container.querySelectorAll('.chart__key')).toHaveLength(2);
  });

  it('grouped rows: one bar per series, relative to the largest value of all; a row may be tapped', () => {
    const tapped = jest.fn();
    const { container } = render(
      <BarRows
        title="药店"
        series={[
          { name: '投放', tone: 'grey' },
          { name: '已领取', tone: 'green' },
        ]}
        rows={[
          { key: 'p1', label: '甲', values: [40, 10], onTap: tapped },
          { key: 'p2', label: '乙', values: [80, 80], note: '售罄' },
        ]}
      />,
    );
    expect(widths(container, '.chart__bar')).toEqual(['50%', '12.5%', '100%', '100%']);
    expect(screen.getByText('售罄')).toBeTruthy();
    fireEvent.click(screen.getByText('甲'));
    expect(tapped).toHaveBeenCalledTimes(1);
    expect(screen.getByText('甲').closest('.chart__row')?.className).toContain('chart__row--link');
    expect(screen.getByText('乙').closest('.chart__row')?.className).not.toContain('chart__row--link');
  });

  it('stacked rows: segments end to end, the longest row full width; a single series has no legend', () => {
    const { container } = render(
      <BarRows
        title="颜色"
        stacked
        series={[
          { name: '绿', tone: 'green' },
          { name: '红', tone: 'red' },
        ]}
        rows={[
          { key: 'a', label: 'A', values: [30, 10] },
          { key: 'b', label: 'B', values: [10, 0] },
        ]}
      />,
    );
    expect(widths(container, '.chart__segment')).toEqual(['75%', '25%', '25%', '0%']);
    const { container: single } = render(<BarRows title="件数" series={[{ name: '件', tone: 'blue' }]} rows={[{ key: 'x', label: 'X', values: [1] }]} />);
    expect(single.querySelector('.chart__legend')).toBeNull();
  });

  it('rows: say so when there are none, without a caption', () => {
    const { container } = render(<BarRows title="空" series={[{ name: '件', tone: 'blue' }]} rows={[]} emptyText="什么也没有" />);
    expect(screen.getByText('什么也没有')).toBeTruthy();
    expect(container.querySelector('.chart__caption')).toBeNull();
  });

  it('target bar: the rate as a bar, the target as a mark, green when met', () => {
    const { container } = render(<TargetBar label="一次办结" rate={0.95} target={0.9} detail="19/20 件" />);
    expect(widths(container, '.chart__bar')).toEqual(['95%']);
    expect((container.querySelector('.chart__target') as HTMLElement).style.left).toBe('90%');
    expect(container.querySelector('.chart__bar')?.className).toContain('chart__fill--green');
    expect(screen.getByText('一次办结 95%（19/20 件），目标 90%，已达标')).toBeTruthy();
  });
});
