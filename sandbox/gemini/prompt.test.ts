import { extractKnowledge, findQuestion } from './prompt';

describe('knowledge-base sections', () => {
  it('reads quoted, bulleted, numbered, labelled and multi-line passages until a non-passage line', () => {
    const text = [
      'Be polite.',
      '**Knowledge base (quote only these):**',
      '1. "First passage."',
      '- Shipping: “Second, curly quotes.”',
      '[Returns] "Third passage',
      'continues here."',
      '',
      '> Fourth, a blockquote',
      '* fifth, unquoted bullet',
      'Customer: "what now?"',
      '- not a passage any more',
    ].join('\n');
    const { passages, rest } = extractKnowledge(text);
    expect(passages).toEqual(['First passage.', 'Second, curly quotes.', 'Third passage\ncontinues here.', 'Fourth, a blockquote', 'fifth, unquoted bullet']);
    expect(rest).toBe('Be polite.\nCustomer: "what now?"\n- not a passage any more');
  });

  it('needs a heading line ending in ":" or starting with "#"', () => {
    expect(extractKnowledge('Knowledge base: none\n- "x"').passages).toEqual([]);
    expect(extractKnowledge('# KB\n- "x"').passages).toEqual(['x']);
  });
});

describe('the question', () => {
  it('is the last Customer:/User:/Question:/Message: paragraph, unquoted', () => {
    expect(findQuestion('Customer: old\nAgent: hi\nCustomer message:\n\nWhen do you open?\nSecond line\n\nReply in JSON.')).toBe('When do you open?\nSecond line');
    expect(findQuestion('User: "what now?"')).toBe('what now?');
    expect(findQuestion('Question: price?\nAnswer: ')).toBe('price?');
  });

  it('is the whole text without a label', () => {
    expect(findQuestion('  where are you?  ')).toBe('where are you?');
  });
});
