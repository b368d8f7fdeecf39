/**
 * Placeholders and empty content (issue 16): opinions that say nothing themselves — "见附件", "同上",
 * "无", "see attached", "Please see the attached file.", punctuation only, or only personal details. They
 * are counted and shown to staff as a category of their own, never clustered: two hundred "见附件" are
 * not a concentrated opinion, they are two hundred attachments to read.
 *
 * Tested on the letters and digits of the normalised text (lower case, simplified, masks folded), so
 * spacing, punctuation, width and script never matter.
 */

const CHINESE =
  /^(?:请|敬请)?(?:详|具体)?(?:见|阅|看|参见|参看|参阅|参考)(?:附件|附档|附表|附图|附页|附文|上文|上述|上|楼上|下文|文件|邮件|来信)(?:\d{1,2})?(?:内容|材料|所示|说明|意见)?(?:谢谢)?$/;
const ENGLISH =
  /^(?:please)?(?:see|find|view|referto|read)(?:the|my|our)?(?:attached|attachment|attachments|enclosed|enclosure|above)(?:file|files|document|documents|letter|comment|comments|pdf|submission)?(?:thankyou|thanks)?$/;
const WORDS = new Set(
  '同上 如上 同楼上 无 暂无 没有 没有意见 无意见 无建议 没有建议 略 同 已阅 附件 谢谢 测试 ok test none na nil null nan nocomment nocomments attached attachment seeabove'.split(
    ' ',
  ),
);

/** Whether an opinion with these letters (and digits) is a placeholder; private-use masks count as none. */
export function isPlaceholderLetters(letters: string): boolean {
  const content = letters.replace(/\p{Co}/gu, '');
  if (content.length <= 1) return true;
  if (content.length > 40) return false;
  return WORDS.has(content) || CHINESE.test(content) || ENGLISH.test(content);
}
