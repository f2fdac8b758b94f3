/**
 * Share addresses of LinkedIn, X and email, pre-filled with the sentence the
 * advocate wrote. Plain links: no third-party script is loaded on our pages.
 */
export function shareIntents(url: string, text: string) {
  const withLink = `${text.trim()} ${url}`;
  return {
    linkedin: `https://www.linkedin.com/feed/?shareActive=true&text=${encodeURIComponent(withLink)}`,
    x: `https://x.com/intent/post?text=${encodeURIComponent(text.trim())}&url=${encodeURIComponent(url)}`,
    email: `mailto:?subject=${encodeURIComponent(text.trim().slice(0, 120))}&body=${encodeURIComponent(withLink)}`,
  };
}

/** The first sentence offered for sharing; the reader edits it before it goes anywhere. */
export const shareSentence = {
  story: (title: string, own: boolean) =>
    own ? `I shared our customer story: ${title}` : `A customer story worth reading: ${title}`,
  talk: (title: string, event: string, own: boolean) =>
    own ? `I spoke at ${event}: ${title}` : `Worth watching from ${event}: ${title}`,
  award: (tier: string) => `Honoured to be recognised as ${tier} in the community.`,
  testimonial: () => "A customer's recommendation, in their own words:",
};
