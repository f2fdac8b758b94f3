// Every message file of every shipped language. Each file holds the keys of one
// area of the product (its top-level names are its own: a test fails when two
// files share one), merged into one catalogue per language.

import enCommon from "./locales/en/common.json";
import enLanding from "./locales/en/landing.json";
import enDiscussions from "./locales/en/discussions.json";
import enAccount from "./locales/en/account.json";
import enPeople from "./locales/en/people.json";
import enAdvocacy from "./locales/en/advocacy.json";
import enChapters from "./locales/en/chapters.json";
import enManage from "./locales/en/manage.json";
import enMail from "./locales/en/mail.json";
import enNotices from "./locales/en/notices.json";
import enAdmin from "./locales/en/admin.json";
import zhCommon from "./locales/zh/common.json";
import zhLanding from "./locales/zh/landing.json";
import zhDiscussions from "./locales/zh/discussions.json";
import zhAccount from "./locales/zh/account.json";
import zhPeople from "./locales/zh/people.json";
import zhAdvocacy from "./locales/zh/advocacy.json";
import zhChapters from "./locales/zh/chapters.json";
import zhManage from "./locales/zh/manage.json";
import zhMail from "./locales/zh/mail.json";
import zhNotices from "./locales/zh/notices.json";
import zhAdmin from "./locales/zh/admin.json";
import esCommon from "./locales/es/common.json";
import esLanding from "./locales/es/landing.json";
import esDiscussions from "./locales/es/discussions.json";
import esAccount from "./locales/es/account.json";
import esPeople from "./locales/es/people.json";
import esAdvocacy from "./locales/es/advocacy.json";
import esChapters from "./locales/es/chapters.json";
import esManage from "./locales/es/manage.json";
import esMail from "./locales/es/mail.json";
import esNotices from "./locales/es/notices.json";
import esAdmin from "./locales/es/admin.json";

/** Each language's message files, by area, in the order they are merged. */
export const MESSAGE_FILES = {
  en: {
    common: enCommon,
    landing: enLanding,
    discussions: enDiscussions,
    account: enAccount,
    people: enPeople,
    advocacy: enAdvocacy,
    chapters: enChapters,
    manage: enManage,
    mail: enMail,
    notices: enNotices,
    admin: enAdmin,
  },
  zh: {
    common: zhCommon,
    landing: zhLanding,
    discussions: zhDiscussions,
    account: zhAccount,
    people: zhPeople,
    advocacy: zhAdvocacy,
    chapters: zhChapters,
    manage: zhManage,
    mail: zhMail,
    notices: zhNotices,
    admin: zhAdmin,
  },
  es: {
    common: esCommon,
    landing: esLanding,
    discussions: esDiscussions,
    account: esAccount,
    people: esPeople,
    advocacy: esAdvocacy,
    chapters: esChapters,
    manage: esManage,
    mail: esMail,
    notices: esNotices,
    admin: esAdmin,
  },
} as const;
