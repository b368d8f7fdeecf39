import { assertStageMove, canMoveStage, DISCLOSURE_STAGES } from './stages';

describe('the stages of a request (art.45)', () => {
  it('moves forward through 登记 → 审核 → 办理 → 答复 → 归档', () => {
    for (let i = 0; i + 1 < DISCLOSURE_STAGES.length; i += 1)
      expect(canMoveStage(DISCLOSURE_STAGES[i]!, DISCLOSURE_STAGES[i + 1]!)).toBe(true);
  });

  it('archives an abandoned request from review or handling, but never moves back', () => {
    expect(canMoveStage('review', 'archive')).toBe(true);
    expect(canMoveStage('handling', 'archive')).toBe(true);
    expect(canMoveStage('reply', 'handling')).toBe(false);
    expect(canMoveStage('registration', 'reply')).toBe(false);
    expect(() => assertStageMove('archive', 'reply')).toThrow(
      expect.objectContaining({ code: 'DISCLOSURE_ILLEGAL_STAGE' }) as Error,
    );
  });
});
