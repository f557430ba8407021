import { idNumberCheckChar, idNumberProblem, idNumberProblemIn, idNumberProblemKind } from './id-number';

describe('resident ID numbers (GB 11643)', () => {
  it('computes the check character from the first 17 digits', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(idNumberCheckChar('31011519900307123')).toBe('9');
  });

  it.each(['11010519491231002X', '11010519491231002x', '310115199003071239'])('accepts %s', (id) => {
    expect(idNumberProblem(id)).toBeUndefined();
  });

  it.each([
    ['110105194912310021', /check character/],
    ['11010519491331002X', /date of birth/],
    ['11010518991231002X', /date of birth/],
    ['1101051949123100', /18 characters/],
    ['11010519491231002Y', /18 characters/],
  ])('refuses %s', (id, problem) => {
    expect(idNumberProblem(id)).toMatch(problem);
  });
});

describe('the kinds of ID-number problem', () => {
  it.each([
    ['110105194912310021', 'check'],
    ['11010519491331002X', 'birth'],
    ['1101051949123100', 'shape'],
  ] as const)('names what is wrong with %s', (id, kind) => {
    expect(idNumberProblemKind(id)).toBe(kind);
    expect(idNumberProblemIn(`idNumber: The ID number ${idNumberProblem(id)}`)).toBe(kind);
  });
  it('finds no ID-number problem in other messages', () => {
    expect(idNumberProblemIn('phone: a mainland mobile number, 11 digits')).toBeUndefined();
  });
});
