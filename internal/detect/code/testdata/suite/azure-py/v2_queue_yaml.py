# fixture: provider=azure trigger=queueTrigger model=code handlers=load_job,load_job_fixed
import logging

import azure.functions as func
import yaml

app = func.FunctionApp()


# A v2 queue trigger: the message body is attacker data.
@app.queue_trigger(arg_name="msg", queue_name="jobs", connection="AzureWebJobsStorage")
def load_job(msg: func.QueueMessage) -> None:  # entry: load_job
    job = yaml.load(msg.get_body().decode("utf-8"), Loader=yaml.Loader)  # want "code/insecure-deserialization"
    logging.info("job %s", job.get("id"))


@app.queue_trigger(arg_name="msg", queue_name="jobs2", connection="AzureWebJobsStorage")
def load_job_fixed(msg: func.QueueMessage) -> None:  # entry: load_job_fixed
    job = yaml.safe_load(msg.get_body().decode("utf-8"))
    logging.info("job %s", job.get("id"))
