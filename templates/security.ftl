<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#import "list-macros.ftl" as lm>
<#-- Each status's symbol, made by layout's checkSymbol once per page rather than twice per cell. -->
<#assign checkSymbols = {}><#list ["passed", "waived", "planned", "failed", "not-applicable", "not-required"] as status><#assign checkSymbols = checkSymbols + {status: layout.checkSymbol(status)}></#list>
<#-- Products x security checks: each answer by symbol and text; required cells are marked. In pages of
     a hundred products (security.html, security/2.html, ...): security_matrix is one page. -->
<@layout.page title=t['security.title'] wide=true>
<div class="page-head">
  <h1>${t['security.title']}</h1>
  <p class="lead">${t['security.intro']}</p>
</div>
<#if !security_matrix.products?has_content>
<p class="notice">${t['empty.products']} <a href="${root}guides/editing.html">${t['empty.products_guide']}</a></p>
<#else>
<div class="legend">
  <h2 class="legend-title">${t['legend.title']}</h2>
  <ul>
    <li><span class="chip c-passed req-yes" aria-hidden="true">✓</span> ${t['check.passed']}</li>
    <li><span class="chip c-waived req-yes" aria-hidden="true">◐</span> ${t['security.legend_waived']}</li>
    <li><span class="chip c-planned req-yes" aria-hidden="true">◔</span> ${t['security.legend_planned']}</li>
    <li><span class="chip c-failed req-yes" aria-hidden="true">✗</span> ${t['check.failed']}</li>
    <li><span class="chip c-not-applicable" aria-hidden="true">–</span> ${t['check.not-applicable']}</li>
    <li><span class="chip c-not-required" aria-hidden="true">○</span> ${t['check.not-required']}</li>
    <li><span class="chip req-yes c-legend" aria-hidden="true">&nbsp;</span> ${t['security.legend_required']}</li>
    <li><span class="chip req-no c-legend" aria-hidden="true">&nbsp;</span> ${t['security.legend_optional']}</li>
  </ul>
</div>
<@lm.pager count=security_matrix.page_count current=security_matrix.number firstHref="${root}security.html" prefix="${root}security/" label=t['list.pages']/>
<a class="skip-past" href="#after-security">${t['security.skip']}</a>
<div class="table-scroll matrix-scroll" role="region" aria-labelledby="sec-caption" tabindex="0">
<table class="matrix security-matrix" id="security-matrix">
  <caption id="sec-caption">${t['security.caption']}</caption>
  <thead>
    <tr class="cat-row">
      <th rowspan="2" scope="col" class="col-product">${t['matrix.product']}</th>
      <th rowspan="2" scope="col" class="col-met">${t['security.required_passed']}</th>
      <#list security_matrix.categories as c>
      <th colspan="${c.checks?size}" scope="colgroup" class="cat-h band-${c?index % 2}<#if c.checks?size == 1> cat-single</#if>" title="${c.title}"><span class="cat-label">${c.title}</span></th>
      </#list>
    </tr>
    <tr class="item-row">
      <#list security_matrix.categories as c><#list c.checks as chk>
      <th scope="col" class="item-h band-${c?index % 2}"><a href="${root}standard/checklist.html#${chk.id}" title="${chk.title}"><span class="vtext">${chk.title}</span></a></th>
      </#list></#list>
    </tr>
  </thead>
  <tbody>
  <#list security_matrix.products as p>
    <#assign byId = p.security_by_id>
    <tr data-product="${p.id}" data-phase="${p.phase.id}" data-tier="${p.tier!''}" data-team="${p.team}">
      <th scope="row" class="col-product"><a class="product-link" href="${root}products/${p.id}.html#security">${p.name}</a>
        <span class="row-meta">${p.phase.name} · ${p.tier!t['common.none']}</span></th>
      <td class="col-met"><span class="met-line"><#if p.current.checks_met><span class="status s-meets"><span class="sym" aria-hidden="true">✓</span></span><#else><span class="status s-misses"><span class="sym" aria-hidden="true">✗</span></span></#if>
        <strong>${p.current.satisfied_checks}/${p.current.required_checks}</strong></span></td>
      <#list security_matrix.categories as c><#list c.checks as chk>
        <#if byId[chk.id]??><#assign s = byId[chk.id]>
        <#assign ds = s.display_status><#if checkSymbols[ds]??><#assign symbol = checkSymbols[ds]><#else><#assign symbol = layout.checkSymbol(ds)></#if>
        <td class="cell c-${ds} ${s.required?then('req-yes', 'req-no')}">
          <a class="cell-link" href="${root}products/${p.id}.html#check-${s.id}">
            <span class="sym" aria-hidden="true">${symbol}</span>
            <span class="sr-only">${s.display_title}: ${t['check.' + ds]}<#if s.plan??> (${t['binary.1']} ${t['product.by']} ${s.plan.due})</#if>, ${s.required?then(t['security.required_now'], t['security.optional_now'])}</span>
            <span class="tip" aria-hidden="true"><strong>${s.display_title}</strong>
              <span>${s.required?then(t['security.required_now'], t['security.optional_now'])}</span>
              <span>${t['security.answer']}: <#if s.answer??>${t['answer.' + s.answer]}<#else>${t['common.none']}</#if></span>
              <#if s.plan??><span>${t['assess.plan']} ${t['binary.1']} ${t['product.by']} ${s.plan.due}<#if s.plan.overdue> (${t['common.overdue']})</#if></span></#if>
              <span class="tip-status">${symbol} ${t['check.' + ds]}</span></span>
          </a>
        </td>
        <#else><td class="cell"><span aria-hidden="true">–</span><span class="sr-only">${t['common.none']}</span></td></#if>
      </#list></#list>
    </tr>
  </#list>
  </tbody>
</table>
</div>
<@lm.pager count=security_matrix.page_count current=security_matrix.number firstHref="${root}security.html" prefix="${root}security/" label=t['list.pages'] end=true/>
</#if>
<p class="muted small after-table" id="after-security" tabindex="-1">${t['security.note']} <a href="${root}standard/checklist.html">${t['nav.checklist']}</a></p>
</@layout.page>
