<#-- "Tài khoản đã tồn tại" of the first broker login (decision 38: linking only by signing in as that account), with
     the way out decision 63 adds: the owner of a CCCD someone else registered recovers it on the portal's page. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout; section>
    <#if section = "header">
        ${msg("confirmLinkIdpTitle")}
    <#elseif section = "form">
        <form id="kc-register-form" action="${url.loginAction}" method="post">
            <div class="${properties.kcFormGroupClass!}">
                <#if !hideReviewButton?has_content>
                    <button type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}" name="submitAction" id="updateProfile" value="updateProfile">${msg("confirmLinkIdpReviewProfile")}</button>
                </#if>
                <button type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}" name="submitAction" id="linkAccount" value="linkAccount">${msg("confirmLinkIdpContinue", idpDisplayName)}</button>
            </div>
        </form>
        <p id="egov-recovery">${msg("egovNotYourAccount")} <a href="${properties.egovRecoveryUrl!'/dang-nhap/lay-lai'}">${msg("egovRecoverNationalId")}</a></p>
    </#if>
</@layout.registrationLayout>
