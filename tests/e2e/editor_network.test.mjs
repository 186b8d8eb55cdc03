// Service settings for awsvpc (issue #14): the subnets, security groups and public IP of
// networkConfiguration.awsvpcConfiguration, a Fargate choice that fills in what it needs and
// says so, and a task definition that shows the problems it causes at the services using it.
async function open(page, base) {
  await page.goto(base);
  await page.locator('[data-testid="td-editor"]').waitFor({ timeout: 20000 });
  await page.locator('[data-testid="tab-services"]').click();
}

/** [open], then Service settings of service `name`. */
async function openService(page, base, name) {
  await open(page, base);
  await page.locator('[data-testid="service-select"]').selectOption(name);
}

/** The scenario document as the Scenario JSON tab shows it (then back to Service settings). */
async function scenario(page) {
  await page.locator('[data-testid="tab-scenario"]').click();
  const doc = JSON.parse(await page.getByTestId('scenario-editor').evaluate((el) => el.value));
  await page.locator('[data-testid="tab-services"]').click();
  return doc;
}

const service = (doc, name) => doc.services.find((s) => s.serviceName === name);

export const tests = [
  {
    name: 'editor: the awsvpc section writes subnets, security groups and assignPublicIp, and refuses a bad group',
    async run({ page, base }) {
      await open(page, base);
      await page.locator('[data-testid="service-select"]').selectOption('api');
      const section = page.getByTestId('awsvpc');
      await section.waitFor();
      for (const z of ['a', 'b', 'c']) {
        if (!(await page.getByTestId(`subnet-subnet-${z}`).isChecked())) throw new Error(`subnet-${z} should start ticked`);
      }
      await page.getByTestId('subnet-subnet-c').uncheck();
      await page.getByTestId('subnet-subnet-c').waitFor();
      let cfg = service(await scenario(page), 'api').networkConfiguration.awsvpcConfiguration;
      if (JSON.stringify(cfg.subnets) !== '["subnet-a","subnet-b"]') throw new Error(`subnets: ${JSON.stringify(cfg)}`);
      await page.locator('[data-testid="service-select"]').selectOption('api');
      const groups = page.getByTestId('security-groups');
      await groups.fill('sg-0a1 sg-0b2');
      await groups.press('Enter');
      await groups.blur();
      await page.getByTestId('assign-public-ip').check();
      cfg = service(await scenario(page), 'api').networkConfiguration.awsvpcConfiguration;
      if (JSON.stringify(cfg.securityGroups) !== '["sg-0a1","sg-0b2"]' || cfg.assignPublicIp !== 'ENABLED') {
        throw new Error(`security groups / public IP not written: ${JSON.stringify(cfg)}`);
      }
      await page.locator('[data-testid="service-select"]').selectOption('api');
      await groups.fill('default');
      await groups.press('Enter');
      await groups.blur();
      const err = await page.getByTestId('form-error').innerText();
      if (!err.includes("'default' is not a security group ID")) throw new Error(`error: ${err}`);
      // An EC2 service in awsvpc mode is not offered a public IP, which ECS refuses there
      // ("Assign public IP is not supported for this launch type").
      await page.locator('[data-testid="service-select"]').selectOption('web');
      await page.getByTestId('network-mode').selectOption('awsvpc');
      await page.getByTestId('awsvpc').waitFor();
      if (!(await page.getByTestId('assign-public-ip').isDisabled())) throw new Error('public IP offered to an EC2 service');
    },
  },
  {
    // Walkthrough, 2026-12-05: awsvpc → bridge → awsvpc came back with every subnet ticked and
    // no security groups. ECS refuses networkConfiguration unless the task definition is awsvpc,
    // so a bridge service leaves it out of the scenario; the page keeps it and gives it back.
    name: 'editor: network mode awsvpc to bridge to host and back keeps the subnets, security groups and public IP',
    async run({ page, base }) {
      await open(page, base);
      await page.locator('[data-testid="service-select"]').selectOption('api');
      await page.getByTestId('awsvpc').waitFor();
      await page.getByTestId('subnet-subnet-c').uncheck();
      const groups = page.getByTestId('security-groups');
      await groups.fill('sg-0a1 sg-0b2');
      await groups.press('Enter');
      await groups.blur();
      await page.getByTestId('assign-public-ip').check();
      const chosen = service(await scenario(page), 'api').networkConfiguration;
      await page.locator('[data-testid="service-select"]').selectOption('api');
      if (JSON.stringify(chosen.awsvpcConfiguration.securityGroups) !== '["sg-0a1","sg-0b2"]') throw new Error(`not written: ${JSON.stringify(chosen)}`);
      for (const mode of ['bridge', 'host']) {
        await page.getByTestId('network-mode').selectOption(mode);
        await page.getByTestId('awsvpc-kept').waitFor({ timeout: 5000 });
        const api = service(await scenario(page), 'api');
        await page.locator('[data-testid="service-select"]').selectOption('api');
        if (api.networkConfiguration !== undefined) throw new Error(`${mode} service kept networkConfiguration: ${JSON.stringify(api)}`);
      }
      await page.getByTestId('network-mode').selectOption('awsvpc');
      await page.getByTestId('awsvpc').waitFor();
      const back = service(await scenario(page), 'api').networkConfiguration;
      await page.locator('[data-testid="service-select"]').selectOption('api');
      await page.getByTestId('awsvpc').waitFor();
      if (JSON.stringify(back) !== JSON.stringify(chosen)) throw new Error(`came back as ${JSON.stringify(back)}, not ${JSON.stringify(chosen)}`);
      if (await page.getByTestId('subnet-subnet-c').isChecked()) throw new Error('subnet-c ticked again');
      if ((await groups.inputValue()) !== 'sg-0a1, sg-0b2') throw new Error(`groups: ${await groups.inputValue()}`);
      if (!(await page.getByTestId('assign-public-ip').isChecked())) throw new Error('public IP unticked');
      if (await page.getByTestId('awsvpc-kept').count()) throw new Error('the kept hint stays under awsvpc');
      const problems = await page.locator('.form-problems [data-testid="problem"]').allInnerTexts();
      if (problems.length) throw new Error(`problems after coming back to awsvpc: ${problems}`);
    },
  },
  {
    name: 'editor: choosing FARGATE for the bridge EC2 web service fills what Fargate needs, says so, and the scenario runs',
    async run({ page, base }) {
      await open(page, base);
      await page.locator('[data-testid="service-select"]').selectOption('web');
      if (await page.getByTestId('awsvpc').count()) throw new Error('a bridge service on EC2 has no awsvpc section');
      await page.getByTestId('launch-mode').selectOption('FARGATE');
      const filled = await page.getByTestId('form-filled').innerText();
      for (const said of ['networkMode set to awsvpc', 'FARGATE added to requiresCompatibilities', 'cpu 256 / memory 512 MiB', 'placementStrategy removed']) {
        if (!filled.includes(said)) throw new Error(`"${said}" not said: ${filled}`);
      }
      await page.getByTestId('awsvpc').waitFor();
      const web = service(await scenario(page), 'web');
      if (web.launchType !== 'FARGATE' || web.networkConfiguration.awsvpcConfiguration.subnets.length !== 3) {
        throw new Error(`web after FARGATE: ${JSON.stringify(web)}`);
      }
      for (const key of ['placementStrategy', 'placementConstraints']) {
        if (web[key] !== undefined) throw new Error(`${key} kept: ${JSON.stringify(web[key])}`);
      }
      // A valid scenario: no problem left, and the run restarted with web on Fargate.
      const problems = await page.locator('.form-problems [data-testid="problem"]').allInnerTexts();
      if (problems.length) throw new Error(`problems left after choosing FARGATE: ${problems}`);
      await page.locator('[data-testid="speed-max"]').click();
      await page.locator('[data-testid="play"]').click();
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid="task"][data-service="web"][data-status="RUNNING"]').length === 6,
        null, { timeout: 20000 });
    },
  },
];

tests.push({
  name: 'editor: a task definition valid on its own shows the problems it causes where it is used, not "No problems"',
  async run({ page, base }) {
    await page.goto(base);
    await page.locator('[data-testid="td-editor"]').waitFor({ timeout: 20000 });
    await page.locator('[data-testid="tab-scenario"]').click();
    const editor = page.getByTestId('scenario-editor');
    const doc = JSON.parse(await editor.evaluate((el) => el.value));
    const web = doc.services.find((s) => s.serviceName === 'web');
    web.launchType = 'FARGATE';
    delete web.capacityProviderStrategy;
    delete web.placementStrategy;
    await editor.fill(JSON.stringify(doc, null, 2));
    await page.locator('[data-testid="tab-td-web"]').click();
    const caused = page.getByTestId('caused-elsewhere');
    await caused.waitFor({ timeout: 5000 });
    const text = await caused.innerText();
    if (!text.includes('services[0].taskDefinition') || !text.includes('does not support launch_type FARGATE')) {
      throw new Error(`cause not shown at the definition: ${text}`);
    }
    if (await page.getByTestId('no-problems').count()) throw new Error('"No problems" shown beside the caused problems');
    // The api definition causes none of them.
    await page.locator('[data-testid="tab-td-api"]').click();
    await page.getByTestId('no-problems').waitFor();
    if (await page.getByTestId('caused-elsewhere').count()) throw new Error('api blamed for web\'s problems');
  },
});

tests.push({
  // Engineer walkthrough: trying a deployment setting behind a load balancer meant writing a
  // target group and the service's loadBalancers entry by hand in the Scenario JSON.
  name: 'editor: Attach a load balancer gives the service a target group, says what it wrote, and its tasks turn healthy targets; Detach takes it away',
  async run({ page, base }) {
    await openService(page, base, 'web');
    await page.getByTestId('attach-load-balancer').click();
    const filled = page.getByTestId('load-balancer-filled');
    await filled.getByText('Added target group web-tg (targetGroups)').waitFor({ timeout: 5000 });
    await filled.getByText('Service web now registers container nginx, port 80, in web-tg').waitFor();
    // Attaching restarts the run, and the tab says so.
    await page.getByTestId('services-restart-help').getByText('the run restarts from 0:00').waitFor();
    await page.getByTestId('load-balancer').locator('legend', { hasText: 'target group web-tg' }).waitFor();
    const doc = await scenario(page);
    const entry = service(doc, 'web').loadBalancers?.[0];
    if (entry?.targetGroupArn !== 'web-tg' || entry.containerName !== 'nginx' || entry.containerPort !== 80) {
      throw new Error(`loadBalancers: ${JSON.stringify(service(doc, 'web').loadBalancers)}`);
    }
    if (!doc.targetGroups?.some((g) => g.targetGroupName === 'web-tg')) throw new Error(`targetGroups: ${JSON.stringify(doc.targetGroups)}`);
    // The scenario is valid and runs: web's tasks become healthy targets.
    await page.fill('[data-testid="run-to-input"]', '0:02');
    await page.click('[data-testid="run-to-go"]');
    await page.locator('[data-testid="cluster"] [data-testid="task"][data-service="web"][data-target="healthy"]').first().waitFor({ timeout: 30000 });
    await page.click('[data-testid="run-cancel"]').catch(() => {});
    // Detach: the entry and the group go, and the form offers Attach again.
    await page.locator('[data-testid="service-select"]').selectOption('web');
    await page.getByTestId('detach-load-balancer').click();
    await page.getByTestId('attach-load-balancer').waitFor({ timeout: 5000 });
    await page.getByTestId('load-balancer-filled').getByText('Removed target group web-tg').waitFor();
    const after = await scenario(page);
    if (service(after, 'web').loadBalancers || after.targetGroups?.length) {
      throw new Error(`not detached: ${JSON.stringify({ lb: service(after, 'web').loadBalancers, groups: after.targetGroups })}`);
    }
  },
});

tests.push({
  // Engineer walkthrough: "Roll back on failure" could be ticked with the circuit breaker off,
  // where it does nothing, without a word.
  name: 'editor: Roll back on failure without the circuit breaker says it acts only with the breaker on',
  async run({ page, base }) {
    await openService(page, base, 'web');
    const breaker = page.getByTestId('dc-circuit-breaker');
    if (await breaker.isChecked()) await breaker.uncheck();
    await page.getByTestId('dc-rollback').check();
    await page.getByTestId('dc-rollback-needs-breaker').getByText('acts only with the circuit breaker on').waitFor({ timeout: 5000 });
    await page.getByTestId('dc-circuit-breaker').check();
    await page.getByTestId('dc-rollback-needs-breaker').waitFor({ state: 'detached', timeout: 5000 });
  },
});

tests.push({
  // Walkthrough: Min 150 then Max 90 showed only the maximum's refusal, beside a 150 the
  // engineer took as accepted. Each refused field keeps its reason until a change is taken.
  name: 'editor: two refused deployment bounds both say why, and a change taken clears them and shows the scenario again',
  async run({ page, base }) {
    await openService(page, base, 'web');
    const min = page.getByTestId('dc-min');
    const max = page.getByTestId('dc-max');
    const errorText = () => page.getByTestId('deployment-error').innerText();
    const type = async (input, value) => { await input.fill(value); await input.press('Tab'); };
    const minRefused = 'minimumHealthyPercent must be from 0 to 100; got 150';
    for (const [input, value, refusal] of [[min, '150', minRefused], [max, '90', 'maximumPercent must be at least 100; got 90']]) {
      await type(input, value);
      await page.getByTestId('deployment-error').getByText(refusal).waitFor({ timeout: 5000 });
    }
    if (!(await errorText()).includes(minRefused)) throw new Error(`the first refusal was hidden: ${await errorText()}`);
    // A valid minimum is taken: the refusals go and the inputs show the scenario (max 200).
    await type(min, '50');
    await page.getByTestId('deployment-error').waitFor({ state: 'detached', timeout: 5000 });
    if ((await max.inputValue()) !== '200') throw new Error(`max shows ${await max.inputValue()}`);
  },
});
