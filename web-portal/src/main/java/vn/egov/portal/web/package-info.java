/** What every page shares: language (cookie), security headers, the error pages. */
package vn.egov.portal.web;
