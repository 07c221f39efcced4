<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#-- Lead times read from git: per product from the first phase to GA, and the median per transition. -->
<@layout.page title=t['lead_times.title']>
<div class="page-head">
  <h1>${t['lead_times.title']}</h1>
  <p class="lead">${t['lead_times.intro']}</p>
</div>
<#if !history??>
  <p class="notice">${t['history.unavailable']}</p>
<#else>
  <#if history.incomplete??><p class="notice notice-warn" role="note"><span aria-hidden="true">!</span> ${t['history.incomplete']} ${history.incomplete}</p></#if>
  <h2>${t['lead_times.median_title']}</h2>
  <#if history.transitions?has_content>
  <table class="data compact" id="transitions-table">
    <thead><tr><th scope="col">${t['lead_times.transition']}</th><th scope="col" class="num">${t['lead_times.median_days']}</th></tr></thead>
    <tbody>
    <#list history.transitions as tr><tr><th scope="row">${tr.from} → ${tr.to}</th><td class="num">${tr.days}</td></tr></#list>
    </tbody>
  </table>
  <#else><p>${t['lead_times.no_transitions']}</p></#if>
  <h2>${t['lead_times.to_ga_title']}</h2>
  <#if history.median_lead_time??><p>${t['lead_times.median_to_ga']} <strong>${history.median_lead_time} ${t['lead_times.days']}</strong></p></#if>
  <#if history.lead_times?has_content>
  <table class="data compact" id="lead-times-table">
    <thead><tr><th scope="col">${t['matrix.product']}</th><th scope="col" class="num">${t['lead_times.days_to_ga']}</th></tr></thead>
    <tbody>
    <#list history.lead_times as lead><tr><th scope="row"><#if lead.known><a href="${root}products/${lead.id}.html">${lead.name}</a><#else>${lead.name}</#if></th><td class="num">${lead.days?c}</td></tr></#list>
    </tbody>
  </table>
  <#else><p>${t['lead_times.none']}</p></#if>
</#if>
</@layout.page>
