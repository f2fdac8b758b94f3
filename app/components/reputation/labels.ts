import { useTranslation } from "react-i18next";
import type { Area, RuleKey } from "~/modules/reputation/rules.ts";

// Reputation's words in the page's language: areas, what each rule reads as in a
// history line and in the rule table, and the badges. Unknown keys keep the
// English the server sent.

export function useAreaLabels(): Record<Area, string> {
  const { t } = useTranslation();
  return {
    help: t("reputation.area.help"),
    speaking: t("reputation.area.speaking"),
    stories: t("reputation.area.stories"),
    community: t("reputation.area.community"),
  };
}

/** "reply upvoted" · "回复获得点赞" · "respuesta votada", for a history line. */
export function useRulePhrases(): Record<RuleKey, string> {
  const { t } = useTranslation();
  return {
    reply_upvoted: t("reputation.phrase.replyUpvoted"),
    post_upvoted: t("reputation.phrase.postUpvoted"),
    answer_accepted: t("reputation.phrase.answerAccepted"),
    accepted_an_answer: t("reputation.phrase.acceptedAnAnswer"),
    reply_marked_helpful: t("reputation.phrase.replyMarkedHelpful"),
    talk_conference: t("reputation.phrase.talkConference"),
    talk_webinar: t("reputation.phrase.talkWebinar"),
    talk_podcast: t("reputation.phrase.talkPodcast"),
    talk_meetup: t("reputation.phrase.talkMeetup"),
    case_study_published: t("reputation.phrase.caseStudyPublished"),
    reference_call_completed: t("reputation.phrase.referenceCallCompleted"),
    referral_won: t("reputation.phrase.referralWon"),
    chapter_led: t("reputation.phrase.chapterLed"),
    event_hosted: t("reputation.phrase.eventHosted"),
    event_spoke: t("reputation.phrase.eventSpoke"),
    manual_adjustment: t("reputation.phrase.manualAdjustment"),
  };
}

/** What earns a rule's points, for the public rule table. */
export function useRuleDescriptions(): Record<RuleKey, string> {
  const { t } = useTranslation();
  return {
    reply_upvoted: t("reputation.rule.replyUpvoted"),
    post_upvoted: t("reputation.rule.postUpvoted"),
    answer_accepted: t("reputation.rule.answerAccepted"),
    accepted_an_answer: t("reputation.rule.acceptedAnAnswer"),
    reply_marked_helpful: t("reputation.rule.replyMarkedHelpful"),
    talk_conference: t("reputation.rule.talkConference"),
    talk_webinar: t("reputation.rule.talkWebinar"),
    talk_podcast: t("reputation.rule.talkPodcast"),
    talk_meetup: t("reputation.rule.talkMeetup"),
    case_study_published: t("reputation.rule.caseStudyPublished"),
    reference_call_completed: t("reputation.rule.referenceCallCompleted"),
    referral_won: t("reputation.rule.referralWon"),
    chapter_led: t("reputation.rule.chapterLed"),
    event_hosted: t("reputation.rule.eventHosted"),
    event_spoke: t("reputation.rule.eventSpoke"),
    manual_adjustment: t("reputation.rule.manualAdjustment"),
  };
}

/** A badge's name and what earns it. */
export function useBadgeTexts(): Record<string, { name: string; description: string }> {
  const { t } = useTranslation();
  return {
    first_answer: {
      name: t("reputation.badge.firstAnswer.name"),
      description: t("reputation.badge.firstAnswer.description"),
    },
    problem_solver: {
      name: t("reputation.badge.problemSolver.name"),
      description: t("reputation.badge.problemSolver.description"),
    },
    helping_hand: {
      name: t("reputation.badge.helpingHand.name"),
      description: t("reputation.badge.helpingHand.description"),
    },
    good_neighbour: {
      name: t("reputation.badge.goodNeighbour.name"),
      description: t("reputation.badge.goodNeighbour.description"),
    },
    loop_closer: {
      name: t("reputation.badge.loopCloser.name"),
      description: t("reputation.badge.loopCloser.description"),
    },
    first_talk: {
      name: t("reputation.badge.firstTalk.name"),
      description: t("reputation.badge.firstTalk.description"),
    },
    headliner: {
      name: t("reputation.badge.headliner.name"),
      description: t("reputation.badge.headliner.description"),
    },
    storyteller: {
      name: t("reputation.badge.storyteller.name"),
      description: t("reputation.badge.storyteller.description"),
    },
    connector: {
      name: t("reputation.badge.connector.name"),
      description: t("reputation.badge.connector.description"),
    },
    rising_star: {
      name: t("reputation.badge.risingStar.name"),
      description: t("reputation.badge.risingStar.description"),
    },
    century: {
      name: t("reputation.badge.century.name"),
      description: t("reputation.badge.century.description"),
    },
    all_rounder: {
      name: t("reputation.badge.allRounder.name"),
      description: t("reputation.badge.allRounder.description"),
    },
  };
}
