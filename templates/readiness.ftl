<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#import "list-macros.ftl" as lm>
<#-- Promotion readiness: ready products first, then by share of the next phase met; what exactly is missing.
     In pages of a hundred products (readiness.html, readiness/2.html, ...): readiness is this page's. -->
<@layout.page title=t['readiness.title']>
<div class="page-head">
  <h1>${t['readiness.title']}</h1>
  <p class="lead">${t['readiness.intro']} <a href="${root}guides/promotion.html">${t['readiness.how']}</a></p>
</div>

<#if !readiness?has_content>
<p class="notice">${t['empty.products']} <a href="${root}guides/editing.html">${t['empty.products_guide']}</a></p>
<#else>
<#if (readiness_page.page_count > 1)>
<p class="muted">${t['readiness.first_screen']?replace('{shown}', readiness?size?c)?replace('{total}', readiness_page.total?c)}</p>
</#if>
<@lm.pager count=readiness_page.page_count current=readiness_page.number firstHref="${root}readiness.html" prefix="${root}readiness/" label=t['list.pages']/>
<a class="skip-past" href="#after-readiness">${t['readiness.skip']}</a>
<div class="table-scroll scroll-tall" role="region" aria-label="${t['readiness.caption']}" tabindex="0">
<table class="data readiness-table">
  <caption class="sr-only">${t['readiness.caption']}</caption>
  <thead><tr>
    <th scope="col">${t['matrix.product']}</th><th scope="col">${t['readiness.current']}</th><th scope="col">${t['readiness.next']}</th>
    <th scope="col">${t['readiness.next_met']}</th><th scope="col">${t['readiness.missing']}</th><th scope="col">${t['readiness.state']}</th>
  </tr></thead>
  <tbody>
  <#list readiness as p>
    <tr class="<#if p.ready_for_next>row-ready</#if>">
      <th scope="row"><a href="#r-${p.id}">${p.name}</a></th>
      <td>${p.phase.name}<#if !p.current.meets><br><span class="status s-misses small"><span class="sym" aria-hidden="true">✗</span> ${t['product.below_phase']}</span></#if></td>
      <td><#if p.next??>${p.next.phase_name}<#if p.phase.target??><br><span class="small muted">${t['product.target']} <time datetime="${p.phase.target.date}">${p.phase.target.date}</time></span><#if p.phase.target.overdue> <span class="flag flag-bad small"><span aria-hidden="true">!</span> ${t['common.overdue']}</span></#if></#if><#else><span class="muted">—</span></#if></td>
      <td class="num"><#if p.next??><strong>${p.next.percent}%</strong> <span class="muted small">${p.next.satisfied}/${p.next.requirements}</span><@layout.meter percent=p.next.percent kind=p.ready_for_next?then("ok", "next")/><#else><span class="muted">—</span></#if></td>
      <td class="num"><#if p.next??>${p.next.missing}<#else><span class="muted">—</span></#if></td>
      <td><#if p.ready_for_next><span class="pill pill-ready"><span aria-hidden="true">★</span> ${t['readiness.ready']}</span>
        <#elseif p.next??><span class="pill pill-next">${t['readiness.not_ready']}</span>
        <#else><span class="muted">${t['matrix.final_phase']}</span></#if></td>
    </tr>
  </#list>
  </tbody>
</table>
</div>
<span id="after-readiness" tabindex="-1"></span>
</#if>

<#list readiness as p>
<section class="ready-card<#if p.ready_for_next> is-ready</#if>" id="r-${p.id}" aria-labelledby="rh-${p.id}">
  <header>
    <h2 id="rh-${p.id}"><a href="${root}products/${p.id}.html">${p.name}</a></h2>
    <p class="ready-path">
      <span class="pill pill-phase">${p.phase.name}</span>
      <#if p.next??><span aria-hidden="true">→</span><span class="sr-only">${t['readiness.to']}</span> <span class="pill pill-phase">${p.next.phase_name}</span></#if>
      <#if p.ready_for_next><span class="pill pill-ready"><span aria-hidden="true">★</span> ${t['readiness.ready']}</span></#if>
      <span class="muted small">${p.tier!""} · ${p.team_name}</span>
    </p>
  </header>
  <#if p.next??>
    <p class="ready-meter">${p.next.phase_name}: <strong>${p.next.percent}%</strong> ${t['readiness.of']} (${p.next.satisfied}/${p.next.requirements}<#if (p.next.waived > 0)>, ${t['matrix.waived_short']} ${p.next.waived}</#if>)
      <@layout.meter percent=p.next.percent kind=p.ready_for_next?then("ok", "next")/></p>
    <#if p.next.gaps?has_content>
    <h3>${t['readiness.items_missing']} (${p.next.gaps?size})</h3>
    <table class="data compact">
      <thead><tr><th scope="col">${t['assess.item']}</th><th scope="col" class="num">${t['readiness.level_now']}</th><th scope="col" class="num">${t['readiness.level_needed']}</th><th scope="col">${t['assess.plan']}</th></tr></thead>
      <tbody>
      <#list p.next.gap_items as i>
        <tr><th scope="row"><a href="${root}products/${p.id}.html#item-${i.id}">${i.display_title}</a></th>
          <#if i.binary><td>${t['binary.' + i.level]}</td><td>${t['binary.required.' + i.required]}</td><#else><td class="num">${i.level}</td><td class="num">${i.required}</td></#if>
          <td class="small"><#if i.plan??><#if i.binary>${t['binary.1']}<#else>${t['cell.level']} ${i.plan.target_level}</#if> ${t['product.by']} <time datetime="${i.plan.due}">${i.plan.due}</time><#if i.plan.overdue> <span class="flag flag-bad"><span aria-hidden="true">!</span> ${t['common.overdue']}</span></#if><#else><span class="muted">${t['readiness.no_plan']}</span></#if></td></tr>
      </#list>
      </tbody>
    </table>
    </#if>
    <#if p.next.failed_checks?has_content>
    <h3>${t['readiness.checks_missing']} (${p.next.failed_checks?size})</h3>
    <ul class="check-missing">
      <#list p.next.failed_check_items as c><li><span class="status s-misses"><span class="sym" aria-hidden="true">✗</span></span> <a href="${root}products/${p.id}.html#check-${c.id}">${c.display_title}</a>
        <span class="muted small">${t['security.answer']}: <#if c.answer??>${t['answer.' + c.answer]}<#else>${t['common.none']}</#if></span>
        <span class="small"><#if c.plan??>${t['binary.1']} ${t['product.by']} <time datetime="${c.plan.due}">${c.plan.due}</time><#if c.plan.overdue> <span class="flag flag-bad"><span aria-hidden="true">!</span> ${t['common.overdue']}</span></#if><#else><span class="muted">${t['readiness.no_plan']}</span></#if></span></li></#list>
    </ul>
    </#if>
    <#if !p.next.gaps?has_content && !p.next.failed_checks?has_content>
    <p><span class="status s-meets"><span class="sym" aria-hidden="true">✓</span> ${t['readiness.nothing_missing']}</span></p>
    </#if>
  <#else>
    <p class="muted">${t['matrix.final_phase']}</p>
  </#if>
  <#if p.current.gaps?has_content || p.current.failed_checks?has_content>
    <p class="warn-box"><span aria-hidden="true">!</span> ${t['readiness.current_gaps']} ${p.phase.name}:
      <#list p.current.gap_items as i><a href="${root}products/${p.id}.html#item-${i.id}">${i.display_title}</a><#sep>, </#sep></#list><#if p.current.gaps?has_content && p.current.failed_checks?has_content>, </#if>
      <#list p.current.failed_check_items as c><a href="${root}products/${p.id}.html#check-${c.id}">${c.display_title}</a><#sep>, </#sep></#list></p>
  </#if>
</section>
</#list>
<#if readiness?has_content><@lm.pager count=readiness_page.page_count current=readiness_page.number firstHref="${root}readiness.html" prefix="${root}readiness/" label=t['list.pages'] end=true/></#if>
</@layout.page>
