package org.qasite.member;

import org.qasite.text.i18n.SiteLocales;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;

/** How templates name a member: {member.shownName} is "deleted member" in the template's language once deleted. */
@TemplateExtension
class MemberExtensions {

    static String shownName(Member member, @TemplateAttribute("locale") Object locale) {
        return member.nameIn(SiteLocales.from(locale));
    }
}
